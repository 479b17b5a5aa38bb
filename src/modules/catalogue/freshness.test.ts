import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { sendReviewReminders } from '../transparency/review-reminders.js';
import { setLastReviewed } from '../transparency/test-support.js';

/** Procedures are published items: tracked at seed, edit and import time, reviewed, reminded. */
let t: TestApp;
let officer: Session;
let leader: Session;
let unitId: string;

beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId();
  [officer, leader] = await Promise.all([t.login('motcua'), t.login('lanhdao')]);
});
afterAll(async () => { await t?.close(); });

const post = (s: Session, url: string, fields: Record<string, string> = {}) => fetch(`${t.url}${url}`, {
  method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
});

async function procedure(slug: string) {
  const { rows } = await sql<any>`select id, name, version, published from catalogue_procedures where unit_id = ${unitId} and slug = ${slug}`.execute(t.db);
  return rows[0] as { id: string; name: string; version: number; published: boolean };
}

const itemOf = async (ref: string, unit = unitId) => (await sql<any>`
  select item_type, item_ref, title, path, channels, review_interval_days, last_reviewed_at
  from published_items where unit_id = ${unit} and item_type = 'procedure' and item_ref = ${ref}`.execute(t.db)).rows[0];

describe('procedures in review freshness', () => {
  it('records every published procedure of the unit at seed time, with path, channels and a 180-day interval', async () => {
    const { rows } = await sql<any>`select count(*)::int as n from published_items where unit_id = ${unitId} and item_type = 'procedure'`.execute(t.db);
    expect(rows[0].n).toBe(59);
    const p = await procedure('dang-ky-khai-sinh');
    expect(await itemOf(p.id)).toMatchObject({
      title: 'Đăng ký khai sinh', path: '/chu-van-an/thu-tuc/dang-ky-khai-sinh', channels: ['notice_board', 'website'], review_interval_days: 180,
    });
    const index = await sql<any>`select path from published_items where unit_id = ${unitId} and item_type = 'catalogue'`.execute(t.db);
    expect(index.rows).toEqual([{ path: '/chu-van-an/thu-tuc' }]);
  });

  it('creates the standard published items of a unit nobody has visited yet', async () => {
    const other = await t.unitId('chi-linh');
    const { rows } = await sql<any>`select item_type, item_ref, title from published_items where unit_id = ${other} and item_type <> 'procedure' order by item_type, item_ref`.execute(t.db);
    expect(rows.map((r: any) => `${r.item_type}:${r.item_ref}`)).toEqual([
      'calendar:chairman', 'calendar:committee', 'catalogue:', 'commitment:', 'directory:', 'reception_rules:', 'reception_schedule:', 'statistics:',
    ]);
    const special = await t.unitId('cat-hai');
    const cal = await sql<any>`select title from published_items where unit_id = ${special} and item_type = 'calendar' and item_ref = 'committee'`.execute(t.db);
    expect(cal.rows[0].title).toBe('Lịch công tác tuần của UBND đặc khu');
  });

  it('lists an overdue procedure on /ra-soat and in the reminder email; the officer’s confirmation restarts its clock', async () => {
    const p = await procedure('dang-ky-ket-hon');
    const longAgo = new Date(Date.now() - 200 * 86400_000);
    await setLastReviewed(t.db, unitId, { type: 'procedure', ref: p.id }, longAgo);

    const page = await (await fetch(`${t.url}/quan-tri/chu-van-an/ra-soat`, { headers: { cookie: leader.cookie } })).text();
    const overdue = page.slice(page.indexOf('Quá hạn rà soát ('), page.indexOf('Còn hạn ('));
    expect(overdue).toContain('Đăng ký kết hôn');
    expect(overdue).toContain('Quá hạn 20 ngày');
    expect(overdue).toContain(`/quan-tri/chu-van-an/thu-tuc/${p.id}`);

    expect(await sendReviewReminders(t.appDb, 'http://example.test')).toBe(1);
    const mail = await t.db.selectFrom('outbox').select(['payload']).where('kind', '=', 'email').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.payload.text).toContain('Đăng ký kết hôn (Quá hạn 20 ngày): http://example.test/chu-van-an/thu-tuc/dang-ky-ket-hon');

    expect((await post(officer, `/quan-tri/chu-van-an/thu-tuc/${p.id}/xac-nhan`)).status).toBe(303);
    const after = await itemOf(p.id);
    expect(Date.now() - new Date(after.last_reviewed_at).getTime()).toBeLessThan(60_000);
    const again = await (await fetch(`${t.url}/quan-tri/chu-van-an/ra-soat`, { headers: { cookie: leader.cookie } })).text();
    expect(again.slice(again.indexOf('Quá hạn rà soát ('), again.indexOf('Còn hạn ('))).not.toContain('Đăng ký kết hôn');
    const audits = await sql<any>`select after from audit_log where action = 'catalogue.procedure.review' and entity_id = ${p.id}`.execute(t.db);
    expect(audits.rows).toHaveLength(1);
  });

  it('offers the periodic review on a procedure that is not flagged', async () => {
    const p = await procedure('dang-ky-ket-hon');
    const html = await (await fetch(`${t.url}/quan-tri/chu-van-an/thu-tuc/${p.id}`, { headers: { cookie: officer.cookie } })).text();
    expect(html).toContain('Rà soát định kỳ');
    expect(html).toMatch(/Rà soát lần cuối ngày \d\d\/\d\d\/\d{4}/);
  });

  it('withdraws a procedure that is unpublished and records it again when republished', async () => {
    const p = await procedure('dang-ky-giam-ho');
    const edit = (version: number, published: boolean) => post(officer, `/quan-tri/chu-van-an/thu-tuc/${p.id}`, {
      version: String(version), name: 'Đăng ký giám hộ', field: 'Hộ tịch', processing_unit: 'working_day', processing_value: '3',
      documents: 'Tờ khai đăng ký giám hộ', ...(published ? { published: 'on' } : {}),
    });
    expect((await edit(p.version, false)).status).toBe(303);
    expect(await itemOf(p.id)).toBeUndefined();
    expect((await edit(p.version + 1, true)).status).toBe(303);
    expect(await itemOf(p.id)).toMatchObject({ path: '/chu-van-an/thu-tuc/dang-ky-giam-ho', review_interval_days: 180 });
  });

  it('records a procedure added by an import', async () => {
    const body = new FormData();
    body.set('_csrf', officer.csrf);
    const csv = 'Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Phí lệ phí,Thành phần hồ sơ\nXác nhận thử nghiệm theo dõi,Khác,05 ngày làm việc,Miễn phí,Đơn đề nghị\n';
    body.set('file', new Blob([csv]), 'them.csv');
    const up = await fetch(`${t.url}/quan-tri/chu-van-an/thu-tuc/nhap`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie }, body });
    expect(up.status).toBe(303);
    expect((await post(officer, `${up.headers.get('location')}/ap-dung`)).status).toBe(303);
    const added = await procedure('xac-nhan-thu-nghiem-theo-doi');
    expect(await itemOf(added.id)).toMatchObject({ title: 'Xác nhận thử nghiệm theo dõi', path: '/chu-van-an/thu-tuc/xac-nhan-thu-nghiem-theo-doi' });
  });
});

describe('module boundary', () => {
  it('reaches transparency only through its index.ts, never its tables', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)]));
    })(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect({ f, table: /published_items|reception_schedules|online_stats_monthly/.test(text) }).toEqual({ f, table: false });
      for (const m of text.matchAll(/from '([^']*transparency[^']*)'/g)) expect({ f, import: m[1] }).toEqual({ f, import: '../transparency/index.js' });
    }
  });
});
