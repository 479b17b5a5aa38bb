import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { guessMapping } from './columns.js';
import { importWithCopy } from './copy-import.js';
import { readSheet } from '../../../lib/tabular/index.js';
import { validateSheet } from './run.js';
import { setCalendarOverride, setCalendarSettings } from '../../calendar/test-support.js';

const CSV = `Mã hồ sơ,Tên thủ tục,Lĩnh vực,Người nộp,Số điện thoại,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái
000.00.00.H99-250302-0001,Chứng thực chữ ký,Chứng thực,Nguyễn Thị Hoa,0912000111,Trực tiếp,02/03/2025 08:30,04/03/2025,03/03/2025 15:00,Đã trả kết quả
000.00.00.H99-250302-0002,Đăng ký khai sinh,Hộ tịch,Trần Văn An,0912000112,Trực tuyến,02/03/2025 09:00,02/03/2025,,Đang xử lý
xyz,Đăng ký khai sinh,Hộ tịch,,0912000113,Fax,31/02/2025,,,
`;

let t: TestApp;
let officer: Session;
beforeAll(async () => { t = await startTestApp(); officer = await t.login('motcua'); });
afterAll(async () => { await t?.close(); });

async function importThroughPage(): Promise<Record<string, unknown>> {
  const fd = new FormData();
  fd.append('_csrf', officer.csrf);
  fd.append('file', new Blob([CSV], { type: 'text/csv' }), 'tinh.csv');
  const up = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/nhap`, { method: 'POST', body: fd, headers: { cookie: officer.cookie }, redirect: 'manual' });
  expect(up.status).toBe(303);
  const url = `${t.url}${up.headers.get('location')}`;
  const preview = await (await fetch(url, { headers: { cookie: officer.cookie } })).text();
  expect(preview).toContain('2 dòng hợp lệ, 1 dòng lỗi');
  const run = await fetch(`${url}/chay`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: officer.csrf }).toString() });
  expect(run.status).toBe(303);
  const id = url.split('/').pop()!;
  for (let i = 0; i < 50; i++) {
    const imp = await t.db.selectFrom('dossier_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (imp.status === 'done' || imp.status === 'failed') return imp;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

describe('dossier import', () => {
  test('page import reports rows, and re-importing the same file updates instead of duplicating', async () => {
    const first = await importThroughPage();
    expect(first).toMatchObject({ status: 'done', inserted: 2, updated: 0 });
    expect((first.errors as Array<{ line: number }>)[0].line).toBe(4);
    const second = await importThroughPage();
    expect(second).toMatchObject({ status: 'done', inserted: 0, updated: 2 });
    const n = await sql<{ n: number }>`select count(*)::int as n from dossiers where code like '000.00.00.H99-%'`.execute(t.db);
    expect(n.rows[0].n).toBe(2);
    const stats = await t.db.selectFrom('dossier_monthly_stats').selectAll().where('month', '=', '2025-03-01').executeTakeFirstOrThrow();
    expect(stats).toMatchObject({ received: 2, online: 1, finished: 1, early: 1 });
    const lookup = await fetch(`${t.url}/api/v1/dossiers/000.00.00.H99-250302-0002?phone_last4=0112`);
    expect(lookup.status).toBe(200);
  });

  test('the COPY path stages and upserts the same way', async () => {
    const unitId = await t.unitId();
    const sheet = await readSheet(Buffer.from(CSV.replaceAll('H99', 'H98')), 'x.csv', { withTime: true });
    const { ok } = validateSheet(sheet, guessMapping(sheet.headers));
    const first = await importWithCopy(t.rt.pool, t.appDb, unitId, ok);
    expect(first).toMatchObject({ copied: 2, inserted: 2, updated: 0 });
    expect(await importWithCopy(t.rt.pool, t.appDb, unitId, ok)).toMatchObject({ copied: 2, inserted: 0, updated: 2 });
  });

  test("a file without due dates gets them from the reception time plus the period on the unit's calendar and cut-off", async () => {
    const unitId = await t.unitId();
    await setCalendarOverride(t.db, unitId, { date: '2026-03-04', kind: 'off', reason: 'Nghỉ do bão' });
    await setCalendarSettings(t.db, unitId, { cutoff: '15:00' });
    const { invalidateWorkCalendars } = await import('../../calendar/index.js');
    invalidateWorkCalendars(t.appDb);
    const csv = `Mã hồ sơ,Tên thủ tục,Người nộp,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Số ngày giải quyết
000.00.00.H97-260212-0001,Chứng thực chữ ký,Nguyễn Thị Hoa,Trực tiếp,12/02/2026 09:00,,2
000.00.00.H97-260302-0002,Đăng ký khai sinh,Trần Văn An,Trực tiếp,02/03/2026 09:00,,2
000.00.00.H97-260302-0003,Đăng ký khai sinh,Trần Văn Bình,Trực tiếp,02/03/2026 15:30,,2
000.00.00.H97-260302-0004,Đăng ký khai sinh,Lê Văn Cường,Trực tiếp,02/03/2026 09:00,10/03/2026,2
000.00.00.H97-260302-0005,Đăng ký khai sinh,Lê Thị Dung,Trực tiếp,02/03/2026 09:00,,
`;
    const fd = new FormData();
    fd.append('_csrf', officer.csrf);
    fd.append('file', new Blob([csv], { type: 'text/csv' }), 'khong-han.csv');
    const up = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/nhap`, { method: 'POST', body: fd, headers: { cookie: officer.cookie }, redirect: 'manual' });
    expect(up.status).toBe(303);
    const url = `${t.url}${up.headers.get('location')}`;
    await fetch(url, { headers: { cookie: officer.cookie } });
    const run = await fetch(`${url}/chay`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: officer.csrf }).toString() });
    expect(run.status).toBe(303);
    const id = url.split('/').pop()!;
    for (let i = 0; i < 50; i++) {
      const imp = await t.db.selectFrom('dossier_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      if (imp.status === 'done' || imp.status === 'failed') { expect(imp.status).toBe('done'); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await sql<{ code: string; due: string | null }>`select code, to_char(due_date, 'YYYY-MM-DD') as due from dossiers where code like '000.00.00.H97-%' order by code`.execute(t.db);
    expect(rows.rows.map((r) => r.due)).toEqual([
      '2026-02-23', // Thu 12/02 + 2 across Tết 2026 (RULES-VN.md §2.2 example)
      '2026-03-05', // Mon 02/03 + 2, Wed 04/03 is off for this ward
      '2026-03-06', // 15:30 is after the ward's 15:00 cut-off: counted from Tuesday
      '2026-03-10', // the file's date is kept
      null, // no period, no date: nothing to count
    ]);
  });
});
