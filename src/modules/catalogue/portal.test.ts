import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { PORTAL_SEARCH_PAGE, portalLinkFor } from './portal.js';

let t: TestApp;
const page = async (slug: string) => (await fetch(`${t.url}/chu-van-an/thu-tuc/${slug}`)).text();

beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('portal link', () => {
  it('links an online procedure with a national code to its portal page', async () => {
    await sql`update catalogue_procedures set code = '1.001193'
      where slug = 'dang-ky-khai-sinh' and unit_id = (select id from units where slug = 'chu-van-an')`.execute(t.db);
    const html = await page('dang-ky-khai-sinh');
    expect(html).toContain('href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"');
    expect(html).toContain('Nộp hồ sơ trực tuyến');
  });

  it('falls back to the portal search without a code, and shows nothing for counter-only procedures', async () => {
    expect(await page('dang-ky-tam-tru')).toContain(`href="${PORTAL_SEARCH_PAGE}"`);
    const offline = await page('chung-thuc-di-chuc');
    expect(offline).not.toContain('dichvucong.gov.vn');
    expect(portalLinkFor({ code: 'abc', onlineLevel: 'một phần' })?.direct).toBe(false);
  });

  it('shows the demo declaration form (DOCX) next to the papers list and serves it', async () => {
    const html = await page('dang-ky-khai-sinh');
    const papers = html.indexOf('id="giay-to"');
    const declaration = html.indexOf('procedure-declaration');
    expect(papers).toBeGreaterThan(0);
    expect(declaration).toBeGreaterThan(papers);
    expect(declaration).toBeLessThan(html.indexOf('id="trinh-tu"'));
    const href = /procedure-declaration[\s\S]*?href="([^"]+)"/.exec(html)![1];
    const file = await fetch(`${t.url}${href}`);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
