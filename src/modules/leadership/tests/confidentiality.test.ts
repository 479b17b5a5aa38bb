/**
 * The denouncer's identity (Law on Denunciations 2018 art. 47–48): only the handler and the head
 * see it, every access is audited, and no other role's page, the feedback module's views, nor any
 * export carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { bookDocument } from '../book-export.js';

let t: TestApp;
const NAME = 'Hà Thị Bảo Mật';
const PHONE = '0911222333';
const EMAIL = 'bao.mat@example.vn';
const SECRETS = [NAME, PHONE, EMAIL, 'Bảo Mật'];
let head: Session; let official: Session; let handler: Session; let inspector: Session; let officer: Session;
let handlerId: string; let officialId: string; let reportId: string; let feedbackCode: string; let caseCode: string;

const get = async (s: Session, path: string) => {
  const res = await fetch(`${t.url}${path}`, { headers: { cookie: s.cookie }, redirect: 'manual' });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};
const post = (s: Session, path: string, fields: Record<string, string>) => fetch(`${t.url}${path}`, {
  method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
});
const expectNoSecret = (text: string, where: string) => { for (const s of SECRETS) expect(text.includes(s), `${where} reveals ${s}`).toBe(false); };
const userId = async (username: string) => (await sql<{ id: string }>`select id from users where username = ${username}`.execute(t.db)).rows[0].id;
const L = '/quan-tri/chu-van-an/lanh-dao';

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const h = await t.createStaff('inspection');
  [head, official, handler, inspector, officer] = await Promise.all([t.login('chutich'), t.login('lanhdao'), t.login(h.username, h.password), t.login('thanhtra'), t.login('motcua')]);
  handlerId = await userId(h.username);
  officialId = await userId('lanhdao');
  const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'conduct', content: 'Phó Chủ tịch phường quát tháo người dân khi tiếp, đề nghị xem xét.', name: NAME, phone: PHONE, email: EMAIL }),
  });
  expect(res.status).toBe(201);
  feedbackCode = (await res.json()).code;
  reportId = (await sql<{ id: string }>`select id from leadership_conduct_reports where feedback_code = ${feedbackCode}`.execute(t.db)).rows[0].id;
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('conduct reports from the public feedback form', () => {
  it('are routed to the confidential track: the feedback row keeps no sender identity', async () => {
    const f = await sql<Record<string, string | null>>`select sender_name, sender_phone, sender_email, sender_handle from feedback where code = ${feedbackCode}`.execute(t.db);
    expect(f.rows[0]).toEqual({ sender_name: null, sender_phone: null, sender_email: null, sender_handle: null });
    const ids = await sql<{ name: string; phone: string; email: string }>`select name, phone, email from leadership_identities where owner_id = ${reportId}`.execute(t.db);
    expect(ids.rows).toEqual([{ name: NAME, phone: PHONE, email: EMAIL }]);
  });

  it('the head assigns the official and the handler; the official concerned never sees who sent it', async () => {
    expect((await post(head, `${L}/phan-anh-can-bo/${reportId}/phan-cong`, { officialId, handlerId })).status).toBe(303);
    // The official concerned cannot reassign the report to make themselves its handler, nor convert it.
    expect((await post(official, `${L}/phan-anh-can-bo/${reportId}/phan-cong`, { officialId: handlerId, handlerId: officialId })).status).toBe(403);
    expect((await post(official, `${L}/phan-anh-can-bo/${reportId}/to-cao`, {})).status).toBe(403);
    for (const path of [`${L}/phan-anh-can-bo`, `${L}/phan-anh-can-bo/${reportId}`, `${L}/phan-anh-can-bo/${reportId}?danh-tinh=1`,
      `/quan-tri/chu-van-an/phan-anh/${feedbackCode}`, `/quan-tri/chu-van-an/phan-anh`, `${L}/can-bo/${officialId}`]) {
      const r = await get(official, path);
      expect(r.status, path).toBe(200);
      expectNoSecret(r.body.toString(), `official ${path}`);
    }
    const asHead = await get(head, `${L}/phan-anh-can-bo/${reportId}?danh-tinh=1`);
    expect(asHead.body.toString()).toContain(NAME);
  });

  it('becomes a denunciation with its clock; only the handler and the head see the denouncer, each access audited', async () => {
    const res = await post(head, `${L}/phan-anh-can-bo/${reportId}/to-cao`, {});
    expect(res.status).toBe(303);
    caseCode = res.headers.get('location')!.split('/').pop()!;
    expect(caseCode).toMatch(/^TC-\d{4}-\d{3}$/);
    const c = await sql<{ accept_due: string; received_on: string; handler_id: string; concerned_official_id: string }>`select accept_due, received_on,
      handler_id, concerned_official_id from leadership_cases where code = ${caseCode}`.execute(t.db);
    expect(c.rows[0]).toMatchObject({ handler_id: handlerId, concerned_official_id: officialId });
    expect(c.rows[0].accept_due > c.rows[0].received_on).toBe(true);
    const before = await auditCount();
    for (const s of [head, handler]) expect((await get(s, `${L}/vu-viec/${caseCode}?danh-tinh=1`)).body.toString()).toContain(NAME);
    expect(await auditCount()).toBe(before + 2);
    for (const [who, s] of [['official', official], ['inspector', inspector]] as const) {
      for (const path of [`${L}/vu-viec`, `${L}/vu-viec/${caseCode}`, `${L}/vu-viec/${caseCode}?danh-tinh=1`]) {
        const r = await get(s, path);
        expect(r.status).toBe(200);
        expectNoSecret(r.body.toString(), `${who} ${path}`);
      }
    }
    expect(await auditCount()).toBe(before + 2); // refused looks are not reads
    expect((await get(officer, `${L}/vu-viec/${caseCode}`)).status).toBe(403);
    expect((await post(official, `${L}/vu-viec/${caseCode}/buoc`, { action: 'reject', note: 'Không có cơ sở' })).status).toBe(403);
    const add = await post(official, `${L}/vu-viec/${caseCode}/nguoi`, { name: 'Người thêm' });
    expect(add.status).toBe(403);
  });

  it('public pages and the feedback board never carry it', async () => {
    for (const path of ['/chu-van-an/phan-anh/cong-khai', `/chu-van-an/phan-anh/${feedbackCode}`, '/chu-van-an/quy-tac-ung-xu']) {
      const r = await fetch(`${t.url}${path}`);
      expectNoSecret(await r.text(), path);
    }
  });
});

describe('reception book exports', () => {
  it('never name a denouncer, in HTML, DOCX, XLSX or the PDF document model', async () => {
    const sessionId = (await sql<{ id: string }>`select id from leadership_receptions order by held_on desc limit 1`.execute(t.db)).rows[0].id;
    const res = await post(head, `${L}/tiep-cong-dan/${sessionId}/luot`, { visitorName: NAME, visitorPhone: PHONE, people: '1',
      matter: 'Tố cáo cán bộ thu tiền sai quy định', classification: 'denunciation', handling: 'Chuyển Chủ tịch xem xét', openCase: '1' });
    expect(res.status).toBe(200);
    const q = '?tu=2000-01-01&den=2100-12-31';
    const html = (await get(official, `${L}/tiep-cong-dan/so${q}`)).body.toString();
    expect(html).toContain('Tố cáo cán bộ thu tiền sai quy định');
    expect(html).toContain('Người tố cáo (giữ bí mật)');
    expectNoSecret(html, 'book page');
    expectNoSecret((await get(official, `${L}/tiep-cong-dan/${sessionId}`)).body.toString(), 'session page');
    const docx = (await get(head, `${L}/tiep-cong-dan/so.docx${q}`)).body;
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Tố cáo cán bộ thu tiền sai quy định');
    expectNoSecret(xml, 'docx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get(head, `${L}/tiep-cong-dan/so.xlsx${q}`)).body as any);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.join('|')).toContain('Tố cáo cán bộ thu tiền sai quy định');
    expectNoSecret(cells.join('|'), 'xlsx');
    const pdf = await get(head, `${L}/tiep-cong-dan/so.pdf${q}`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const rows = await sql<any>`select e.*, s.held_on, s.host_name, s.kind, 'Người tố cáo (giữ bí mật)' as visitor from leadership_reception_entries e
      join leadership_receptions s on s.id = e.session_id where e.classification = 'denunciation'`.execute(t.db);
    expectNoSecret(JSON.stringify(bookDocument('Phường Chu Văn An', '2000-01-01', '2100-12-31', rows.rows, new Date())), 'pdf model');
    const caseRow = await sql<{ code: string }>`select c.code from leadership_cases c join leadership_reception_entries e on e.case_id = c.id
      where e.matter = 'Tố cáo cán bộ thu tiền sai quy định'`.execute(t.db);
    expect(caseRow.rows[0].code).toMatch(/^TC-/);
  }, 120_000);
});

async function auditCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'leadership.identity_view'`.execute(t.db)).rows[0].n;
}
