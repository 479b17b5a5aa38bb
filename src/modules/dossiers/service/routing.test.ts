import type { AppError } from '../../../core/errors.js';
import { translator } from '../../../core/i18n.js';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { makeDeps, type Officer } from './deps.js';
import { receiveDossier } from './intake.js';
import { twoDayProcedureKey } from '../test-support.js';
import { transitionDossier } from './transitions.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

/** Decree 118/2025 routing: the receiving ward receives and returns, the deciding ward decides. */
let t: TestApp;
let ward: string; // receiving ward (chu-van-an)
let other: string; // deciding ward
let otherSlug: string;
let procedureKey: string;
const officer: Officer = { id: null, name: 'Trần Văn Minh', actor: { id: null, name: 'test', unitId: null, ip: null } };
const person = { applicantName: 'Nguyễn Thị Hoa', applicantPhone: '0912000123', channel: 'in_person' };
const deps = () => makeDeps(t.appDb);

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  ward = await t.unitId();
  const row = (await sql<{ id: string; slug: string }>`select id, slug from units where type <> 'city' and id <> ${ward} order by slug limit 1`.execute(t.db)).rows[0];
  other = row.id;
  otherSlug = row.slug;
  procedureKey = await twoDayProcedureKey(t.appDb, ward);
});
afterAll(async () => { await t?.close(); });

const routed = (complete = true) =>
  receiveDossier(deps(), ward, { ...person, procedureKey, complete, decidingUnitId: other, ...(complete ? {} : { missingPapers: 'Ảnh 4x6' }) }, officer);

async function expectForbidden(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err) as AppError | null;
  expect(e).toMatchObject({ status: 403, code: 'deciding_unit_only' });
  expect(e!.text(translator('vi'))).toContain('đơn vị có thẩm quyền giải quyết');
}

describe('routed dossiers (receiving ward ≠ deciding ward)', () => {
  test('the receiving ward cannot approve or refuse (403, Vietnamese); the deciding ward can', async () => {
    const d = await routed();
    await transitionDossier(deps(), ward, d.code, { action: 'start_processing' }, officer);
    await expectForbidden(transitionDossier(deps(), ward, d.code, { action: 'approve' }, officer));
    await expectForbidden(transitionDossier(deps(), ward, d.code, { action: 'refuse', refusalReason: 'Không thuộc thẩm quyền' }, officer));
    // Nothing was written by the refused attempts.
    const events = await t.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', d.id).orderBy('at').execute();
    expect(events.map((e) => e.action)).toEqual(['receive', 'start_processing']);
    const approved = await transitionDossier(deps(), other, d.code, { action: 'approve' }, officer);
    expect(approved.status).toBe('approved');
    // The result comes back and the receiving ward returns it to the citizen.
    await transitionDossier(deps(), ward, d.code, { action: 'mark_result_ready' }, officer);
    expect((await transitionDossier(deps(), ward, d.code, { action: 'return' }, officer)).status).toBe('returned');
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', d.id).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['dossier.approve', 'dossier.return']));
  });

  test('the receiving ward can request and record a supplement; the deciding ward refuses', async () => {
    const d = await routed();
    await transitionDossier(deps(), ward, d.code, { action: 'request_supplement', missingPapers: 'Bản chính giấy khai sinh' }, officer);
    await transitionDossier(deps(), ward, d.code, { action: 'supplement' }, officer);
    await expectForbidden(transitionDossier(deps(), ward, d.code, { action: 'refuse', refusalReason: 'Không đủ điều kiện' }, officer));
    expect((await transitionDossier(deps(), other, d.code, { action: 'refuse', refusalReason: 'Không đủ điều kiện' }, officer)).status).toBe('refused');
  });

  test('a dossier of the ward itself is approved as before', async () => {
    const own = await receiveDossier(deps(), ward, { ...person, procedureKey, complete: true }, officer);
    await transitionDossier(deps(), ward, own.code, { action: 'start_processing' }, officer);
    expect((await transitionDossier(deps(), ward, own.code, { action: 'approve' }, officer)).status).toBe('approved');
  });

  test('the staff page: no approve/refuse buttons at the receiving ward, 403 page when posted anyway', async () => {
    const d = await routed();
    await transitionDossier(deps(), ward, d.code, { action: 'start_processing' }, officer);
    const s: Session = await t.login('motcua');
    const page = `${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(d.code)}`;
    const html = await (await fetch(page, { headers: { cookie: s.cookie } })).text();
    expect(html).not.toContain('value="approve"');
    expect(html).not.toContain('value="refuse"');
    expect(html).toContain('việc phê duyệt hoặc từ chối do đơn vị đó thực hiện');
    const res = await fetch(`${page}/chuyen-trang-thai`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf, action: 'approve' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Chỉ cán bộ của đơn vị có thẩm quyền giải quyết hồ sơ mới được phê duyệt');
    // The deciding ward's leader sees the buttons.
    const { username, password } = await t.createStaff('leader', otherSlug);
    const lead = await t.login(username, password);
    const there = await (await fetch(`${t.url}/quan-tri/${otherSlug}/ho-so/${encodeURIComponent(d.code)}`, { headers: { cookie: lead.cookie } })).text();
    expect(there).toContain('value="approve"');
  });

  test("the receiving ward's tracking book (Mẫu 05) lists the routed dossier with the deciding body and the hand-over dates", async () => {
    const d = await routed();
    await transitionDossier(deps(), ward, d.code, { action: 'start_processing' }, officer);
    await transitionDossier(deps(), other, d.code, { action: 'approve' }, officer);
    await transitionDossier(deps(), ward, d.code, { action: 'mark_result_ready' }, officer);
    const s = await t.login('motcua');
    const day = vnToday();
    const res = await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/tracking-book.xlsx?from=${day}&to=${day}`, { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => { if (r.getCell(2).value === d.code) row = r; });
    expect(row).toBeDefined();
    const col = (name: string) => String(row!.getCell(header.indexOf(name) + 1).value ?? '');
    const deciding = (await t.db.selectFrom('units').select('name').where('id', '=', other).executeTakeFirstOrThrow()).name;
    expect(col('Cơ quan chủ trì giải quyết')).toBe(deciding);
    expect(col('Chuyển hồ sơ đến cơ quan giải quyết (giờ, ngày)')).toMatch(/^\d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(col('Nhận kết quả từ cơ quan giải quyết (giờ, ngày)')).toMatch(/giờ/);
    expect(col('Trả kết quả (giờ, ngày)')).toBe('');
  });
});
