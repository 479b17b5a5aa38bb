import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { nextReceptionSession } from './index.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('tenant isolation', () => {
  it('shows a neighbouring ward none of the demo ward’s rows', async () => {
    const other = await (await fetch(`${t.url}/api/v1/units/chi-linh/directory`)).json() as { items: unknown[] };
    expect(other.items).toEqual([]);
    const docs = await (await fetch(`${t.url}/api/v1/units/chi-linh/disclosures`)).json() as { documents: unknown[] };
    expect(docs.documents).toEqual([]);
    expect(await nextReceptionSession(t.appDb, await t.unitId('chi-linh'), new Date())).toBeNull();
  });
});

describe('next reception session and the home page', () => {
  it('computes the chairman’s Thursday morning session from the stored schedule', async () => {
    const unitId = await t.unitId();
    const wednesday = new Date('2031-01-01T03:00:00Z'); // Wednesday 10:00 in Hà Nội time
    const s = await nextReceptionSession(t.appDb, unitId, wednesday);
    expect(s).toMatchObject({ leaderName: 'Nguyễn Văn Thương', leaderTitle: 'Chủ tịch UBND phường' });
    expect(s!.startsAt.toISOString()).toBe('2031-01-02T00:30:00.000Z');
    const html = await (await fetch(`${t.url}/chu-van-an/`)).text();
    expect(html).toContain('Buổi tiếp công dân gần nhất');
    expect(html).toContain('href="/chu-van-an/danh-ba"');
  });
});

describe('posters and printable pages', () => {
  it('prints a poster with a QR code to the page, and 404 for an unknown page', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/ap-phich/tiep-cong-dan`)).text();
    expect(html).toContain('class="poster__qr"');
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain('/chu-van-an/tiep-cong-dan</p>');
    expect((await fetch(`${t.url}/chu-van-an/ap-phich/khong-co`)).status).toBe(404);
    expect((await fetch(`${t.url}/chu-van-an/ap-phich/__proto__`)).status).toBe(404);
    const docs = await (await fetch(`${t.url}/api/v1/units/chu-van-an/disclosures`)).json() as { documents: { url: string }[] };
    expect((await fetch(`${t.url}${docs.documents[0].url}/ap-phich`)).status).toBe(200);
    expect((await fetch(`${t.url}/chu-van-an/cong-khai/khong-phai-uuid`)).status).toBe(404);
  });

  it('prints the weekly sheet for A4 landscape', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/lich-cong-tac/ban-in?lich=chu-tich`)).text();
    expect(html).toContain('calendar-sheet__grid');
    expect(html).toContain('Tiếp công dân định kỳ');
    const css = await (await fetch(`${t.url}${/href="(\/static\/css\/transparency[^"]+)"/.exec(html)![1]}`)).text();
    expect(css).toContain('size: A4 landscape');
  });

  it('says which source the statistics come from', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/thong-ke?nam=${vnYearOf(new Date()) - 1}`)).text();
    expect(html).toContain('Nguồn số liệu: số liệu tháng do phường nhập (Báo cáo tháng của Trung tâm Phục vụ hành chính công (dữ liệu minh họa))');
  });
});
