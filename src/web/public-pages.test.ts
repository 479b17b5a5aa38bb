import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { documentTitle } from './components/layout.js';

let t: TestApp;
const get = async (path: string) => (await fetch(`${t.url}${path}`)).text();
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/<[^>]+>/g, '').trim();
const titleOf = (html: string) => decode(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
const h1Of = (html: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const repeated = (text: string) => {
  const parts = text.split(/\s+[–-]\s+/).map((x) => x.toLowerCase());
  return parts.length !== new Set(parts).size;
};

beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('file picker', () => {
  it('wraps file inputs with a Vietnamese "Chọn tệp…" button and a file-name text, keeping the native input', async () => {
    const html = await get('/chu-van-an/phan-anh');
    const box = /<div class="file-picker" data-file-picker[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(box).toMatch(/<input id="f-photos"[^>]*type="file"/);
    expect(box).toMatch(/<label for="f-photos" class="button button--secondary file-picker__button" hidden[^>]*>Chọn tệp…<\/label>/);
    expect(box).toMatch(/data-file-name[^>]*>Chưa chọn tệp nào</);
    expect(box).toMatch(/<script src="\/static\/js\/file-picker\.[0-9a-f]+\.js" defer>/);
  });
});

describe('page titles', () => {
  it('drops repeated segments', () => {
    expect(documentTitle('Phường Chu Văn An', 'Phường Chu Văn An')).toBe('Phường Chu Văn An');
    expect(documentTitle('Thủ tục – Phường Chu Văn An', 'Phường Chu Văn An')).toBe('Thủ tục – Phường Chu Văn An');
    expect(documentTitle('Thủ tục hành chính', 'Phường Chu Văn An')).toBe('Thủ tục hành chính – Phường Chu Văn An');
  });

  it('has no duplicated segment in <title> or <h1> on the public navigation pages', async () => {
    const home = await get('/chu-van-an/');
    const paths = new Set(['/chu-van-an/', ...[...home.matchAll(/href="(\/chu-van-an\/[^"?#]*)"/g)].map((m) => m[1])]);
    const checked: string[] = [];
    for (const path of paths) {
      const res = await fetch(`${t.url}${path}`);
      if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await res.text();
      const title = titleOf(html);
      expect(title, path).not.toBe('');
      expect(repeated(title), `${path}: ${title}`).toBe(false);
      expect(repeated(h1Of(html)), `${path}: ${h1Of(html)}`).toBe(false);
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThan(8);
  });
});
