import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';
import { CRITERION_KINDS, KIND_SPECS, type LetterKind } from './domain/kinds.js';
import { insertNumberedLetter } from './letters-service.js';

const run = promisify(execFile);
let t: TestApp;
let officer: Session;
const API = '/api/v1/units/chu-van-an/letters';

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

const post = (body: unknown, s = officer) => fetch(`${t.url}${API}`, {
  method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify(body),
});

/** Text runs of word/document.xml, read back with an XML parser. */
async function docxText(buffer: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'letter-docx-'));
  await writeFile(path.join(dir, 'l.docx'), buffer);
  const { stdout } = await run('unzip', ['-p', path.join(dir, 'l.docx'), 'word/document.xml'], { maxBuffer: 10e6 });
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'w:t') (v as Array<{ '#text'?: unknown }>).forEach((x) => x['#text'] !== undefined && texts.push(String(x['#text'])));
        else if (k !== ':@') walk(v);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(stdout));
  return texts.join('|');
}

/** pdftotext of the whole PDF, and page 1 rendered at 60 dpi with pdftoppm. */
async function pdfTextAndImage(buffer: Buffer): Promise<{ text: string; png: Buffer; fonts: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'letter-pdf-'));
  const file = path.join(dir, 'l.pdf');
  await writeFile(file, buffer);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(dir, 'p')]);
  const { stdout: fonts } = await run('pdffonts', [file]).catch(() => ({ stdout: '' }));
  return { text, png: await readFile(path.join(dir, 'p-1.png')), fonts };
}

const BODIES: Record<LetterKind, Record<string, unknown>> = {
  marriage: { recipient_name: 'Nguyễn Minh Tuấn', gender: 'male', birth_year: 1998, fields: { ngay_su_kien: '05/03/2026' } },
  condolence: { recipient_name: 'Phạm Thị Lan', gender: 'female', birth_year: 1956, fields: { nguoi_mat: 'cụ ông Phạm Văn Tư', ngay_su_kien: '02/11/2026' } },
  thanks: { recipient_name: 'Lê Văn Thịnh', gender: 'male', birth_year: 1940, fields: { noi_dung: 'hiến 30 m² đất mở rộng ngõ 7' } },
  commendation: { recipient_name: 'Vũ Thị Ngọc', gender: 'female', birth_year: 1985, fields: { sang_kien: 'Tủ sách cộng đồng', noi_dung: 'quyên góp 600 đầu sách' } },
  apology: { recipient_name: 'Đỗ Văn Khánh', honorific: 'Ông', fields: { ma_ho_so: '000.00.00.H31-260302-0001', thu_tuc: 'Đăng ký khai sinh', ngay_hen: '04/03/2026', ly_do: 'cần xác minh thông tin', ngay_hen_moi: '09/03/2026' } },
  invitation: { recipient_name: 'Trần Văn Bảo', fields: { noi_dung: 'gặp mặt', thoi_gian: '8 giờ', dia_diem: 'Hội trường' } },
};
const EXPECTED_TITLE: Record<LetterKind, string> = { marriage: 'Anh', condolence: 'Bà', thanks: 'Cụ', commendation: 'Bà', apology: 'Ông', invitation: 'Ông/Bà' };

describe('each kind of letter', () => {
  for (const kind of CRITERION_KINDS) {
    test(`${kind}: API answers with pdf_url and docx_url; the PDF and DOCX carry the Decree 30 layout`, async () => {
      const res = await post({ kind, ...BODIES[kind], with_signature: kind === 'marriage' });
      expect(res.status).toBe(201);
      const l = await res.json();
      expect(l.honorific).toBe(EXPECTED_TITLE[kind]);
      expect(l.number).toMatch(new RegExp(`^\\d{2}/${KIND_SPECS[kind].symbol}$`));
      expect(l.body).not.toContain('{');
      expect(l.pdf_url).toBe(`${API}/${l.id}.pdf`);
      const pdfRes = await fetch(`${t.url}${l.pdf_url}`, { headers: officer.headers });
      expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
      const { text, png, fonts } = await pdfTextAndImage(Buffer.from(await pdfRes.arrayBuffer()));
      // The issuing body on two lines: "ỦY BAN NHÂN DÂN" over "PHƯỜNG CHU VĂN AN".
      expect(text).toMatch(/ỦY BAN NHÂN DÂN\s.*\n\s*PHƯỜNG CHU VĂN AN/);
      for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
        `Số: ${l.number}`, KIND_SPECS[kind].typeName, `Kính gửi: ${l.honorific} ${l.recipient_name}`, 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']) {
        expect(text).toContain(expected);
      }
      expect(text).toMatch(/Phường Chu Văn An, ngày \d{2} tháng \d{1,2} năm \d{4}/);
      expect(fonts.length).toBeGreaterThan(0);
      const stats = await sharp(png).greyscale().stats();
      expect(stats.channels[0].min).toBeLessThan(80); // ink on the page
      expect(stats.channels[0].mean).toBeGreaterThan(200); // mostly paper
      const docx = await fetch(`${t.url}${l.docx_url}`, { headers: officer.headers });
      expect(docx.status).toBe(200);
      const words = await docxText(Buffer.from(await docx.arrayBuffer()));
      for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN|PHƯỜNG CHU VĂN AN|', `Số: ${l.number}`, KIND_SPECS[kind].typeName, 'Nơi nhận:', l.recipient_name]) {
        expect(words).toContain(expected);
      }
    });
  }

  test('the PDF header renders as an image: the national title band is inked at the top right', async () => {
    const l = await (await post({ kind: 'thanks', ...BODIES.thanks })).json();
    const { png } = await pdfTextAndImage(Buffer.from(await (await fetch(`${t.url}${l.pdf_url}`, { headers: officer.headers })).arrayBuffer()));
    const img = sharp(png).greyscale();
    const { width, height } = await img.metadata();
    const band = await sharp(png).greyscale().extract({ left: Math.round(width! * 0.5), top: Math.round(height! * 0.06), width: Math.round(width! * 0.4), height: Math.round(height! * 0.05) }).stats();
    expect(band.channels[0].min).toBeLessThan(100);
  });
});

describe('numbering', () => {
  test('runs per kind and per year and never reuses a number, even of a deleted draft', async () => {
    const unitId = await t.unitId('chi-linh');
    const unit = { id: unitId, name: 'Phường Chí Linh' };
    const at = (iso: string) => new Date(iso);
    const add = (kind: LetterKind, when: string) => insertNumberedLetter(t.db, unit, { kind, recipientName: 'Người nhận thử' }, at(when), null);
    const a = await add('marriage', '2026-03-01T03:00:00Z');
    const b = await add('marriage', '2026-03-02T03:00:00Z');
    const c = await add('thanks', '2026-03-02T03:00:00Z');
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 1]);
    await sql`update letters set deleted_at = now() where id = ${b.id}`.execute(t.db);
    expect((await add('marriage', '2026-03-03T03:00:00Z')).seq).toBe(3);
    // 01/01 00:30 in Vietnam (17:30 UTC the day before) is already the next year's numbering
    const nextYear = await add('marriage', '2026-12-31T17:30:00Z');
    expect([nextYear.year, nextYear.seq]).toEqual([2027, 1]);
    expect((await add('marriage', '2026-12-31T16:00:00Z')).year).toBe(2026);
  });

  test('parallel creations get distinct numbers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => post({ kind: 'commendation', ...BODIES.commendation })));
    const seqs = (await Promise.all(results.map((r) => r.json()))).map((l) => l.seq as number);
    expect(new Set(seqs).size).toBe(8);
  });

  test('deleting a draft through the staff page keeps its number used', async () => {
    const l = await (await post({ kind: 'condolence', ...BODIES.condolence })).json();
    const del = await fetch(`${t.url}/quan-tri/chu-van-an/thu/${l.id}/xoa`, {
      method: 'POST', redirect: 'manual', headers: { ...officer.headers, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${officer.csrf}`,
    });
    expect(del.status).toBe(303);
    const next = await (await post({ kind: 'condolence', ...BODIES.condolence })).json();
    expect(next.seq).toBe(l.seq + 1);
    expect((await fetch(`${t.url}${l.pdf_url}`, { headers: officer.headers })).status).toBe(404);
  });
});

describe('API validation and access', () => {
  test('422 in Vietnamese for an e-mail letter without an address; 400 for an unknown kind; 401 anonymous', async () => {
    const r = await post({ kind: 'thanks', recipient_name: 'A', channel: 'email' });
    expect(r.status).toBe(422);
    const body = await r.json();
    expect(body.error.details.email).toContain('email');
    expect((await post({ kind: 'love', recipient_name: 'A' })).status).toBe(400);
    const anonymous = await fetch(`${t.url}${API}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'thanks', recipient_name: 'A' }) });
    expect(anonymous.status).toBe(401);
  });
  test('the route is described in /openapi.json', async () => {
    const spec = await (await fetch(`${t.url}/openapi.json`)).json();
    expect(spec.paths['/api/v1/units/{unit}/letters'].post).toBeTruthy();
  });
});
