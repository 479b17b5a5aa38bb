import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { docxMedia, docxText, pdfCheck, pdfQr, readQr } from '../forms/file-checks.js';
import { twoDayProcedureKey } from '../test-support.js';

let t: TestApp;
let officer: Session;
let procedureKey: string;
beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  procedureKey = await twoDayProcedureKey(t.appDb, await t.unitId());
});
afterAll(() => t?.close());

const form = (s: Session, fields: Record<string, string>) => ({
  method: 'POST', redirect: 'manual' as const,
  headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
});

async function receive(fields: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, form(officer, {
    procedureKey, applicantName: 'Nguyễn Thị Hoa', applicantPhone: '0912 000 123', channel: 'in_person', complete: 'yes', ...fields,
  }));
  expect(res.status).toBe(303);
  return decodeURIComponent(/ho-so\/([^?]+)/.exec(res.headers.get('location')!)![1]);
}

const act = (code: string, fields: Record<string, string>) =>
  fetch(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}/chuyen-trang-thai`, form(officer, fields));

describe('dossier routes', () => {
  test('the procedure list offers reference procedures', async () => {
    const html = await (await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, { headers: { cookie: officer.cookie } })).text();
    expect(html).toContain(`value="${procedureKey}"`);
  });

  test('intake validates and gives a code in the agency format', async () => {
    const bad = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, form(officer, { procedureKey: '', applicantName: '', channel: 'in_person' }));
    expect(bad.status).toBe(422);
    const code = await receive();
    expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
    const row = await t.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    expect(row.due_date).not.toBeNull();
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'dossier.receive' and entity_id = ${row.id}`.execute(t.db);
    expect(audit.rows[0].n).toBe(1);
  });

  test('a late dossier cannot be returned before the apology (409), then can', async () => {
    const code = await receive({ applicantEmail: 'hoa@example.vn', channel: 'online' });
    for (const action of ['start_processing', 'approve', 'mark_result_ready']) expect((await act(code, { action })).status).toBe(303);
    // Move the clock: the result came after a due date that has passed.
    await t.db.updateTable('dossiers').set({ due_date: '2026-01-05', accepted_at: new Date('2026-01-02T02:00:00Z') }).where('code', '=', code).execute();
    const refused = await act(code, { action: 'return' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Mẫu 04');
    const form04 = () => fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(code)}/forms/04.docx`, { headers: { cookie: officer.cookie } });
    expect((await form04()).status).toBe(409); // no apology recorded yet: no Mẫu 04 with placeholders
    const apology = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}/xin-loi`, form(officer, {
      reason: 'Chờ xác minh thông tin từ cơ quan khác', newDueDate: '2099-01-05', leaderName: 'Trần Minh Đức', leaderTitle: 'Phó Chủ tịch',
    }));
    expect(apology.status).toBe(303);
    expect((await form04()).status).toBe(200);
    const a = await t.db.selectFrom('dossier_apologies').innerJoin('dossiers', 'dossiers.id', 'dossier_apologies.dossier_id')
      .select(['dossier_apologies.late', 'dossier_apologies.sent_channel', 'dossier_apologies.sent_to']).where('dossiers.code', '=', code).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ late: true, sent_channel: 'email', sent_to: 'hoa@example.vn' });
    const mail = await sql<{ n: number }>`select count(*)::int as n from outbox where kind = 'email' and payload->>'to' = 'hoa@example.vn'`.execute(t.db);
    expect(mail.rows[0].n).toBe(1);
    expect((await act(code, { action: 'return' })).status).toBe(303);
    const row = await t.db.selectFrom('dossiers').select(['status', 'apologies', 'late_apologies']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'returned', apologies: 1, late_apologies: 1 });
  });

  test('forms download as PDF and DOCX with the dossier code', async () => {
    const code = await receive({ complete: 'no', missingPapers: 'Bản chính giấy khai sinh' });
    const get = (f: string) => fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(code)}/forms/${f}`, { headers: { cookie: officer.cookie } });
    const pdf = await get('02.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text, inked } = await pdfCheck(Buffer.from(await pdf.arrayBuffer()));
    expect(inked).toBe(true);
    expect(text).toContain('Bản chính giấy khai sinh');
    expect(await docxText(Buffer.from(await (await get('01.docx')).arrayBuffer()))).toContain(code);
    expect((await get('05.pdf')).status).toBe(404);
    // Mẫu 03 needs a recorded refusal with reasons; Mẫu 02 a recorded supplement request.
    const refusal = await get('03.pdf');
    expect(refusal.status).toBe(409);
    expect(((await refusal.json()) as any).error.message).toContain('Mẫu 03');
    const complete = await receive();
    expect((await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(complete)}/forms/02.pdf`,
      { headers: { cookie: officer.cookie } })).status).toBe(409);
    // Numbers run per form type through the year and are never reused: a second download keeps its number.
    const numberOf = async (f: string, c = code) => /Số: (\d+)\/TNHS/.exec(await docxText(Buffer.from(await (await fetch(
      `${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(c)}/forms/${f}`, { headers: { cookie: officer.cookie } })).arrayBuffer())))?.[1];
    const first = await numberOf('01.docx');
    expect(await numberOf('01.docx')).toBe(first);
    const second = await numberOf('01.docx', complete);
    expect(Number(second)).toBe(Number(first) + 1);
    expect((await get('07.pdf')).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(code)}/forms/01.pdf`)).status).toBe(401);
  });

  test('public look-up shows status only for the right pair, one 404 otherwise', async () => {
    const code = await receive();
    const ok = await fetch(`${t.url}/api/v1/dossiers/${encodeURIComponent(code)}?phone_last4=0123`);
    expect(ok.status).toBe(200);
    const body = await ok.json() as Record<string, unknown>;
    expect(body).toMatchObject({ code, status: 'received' });
    expect(JSON.stringify(body)).not.toMatch(/Nguyễn Thị Hoa|0912/);
    const wrong = await fetch(`${t.url}/api/v1/dossiers/${encodeURIComponent(code)}?phone_last4=9999`);
    const missing = await fetch(`${t.url}/api/v1/dossiers/000.00.00.H31-990101-9999?phone_last4=0123`);
    expect([wrong.status, missing.status]).toEqual([404, 404]);
    expect((await wrong.json() as any).error.message).toBe((await missing.json() as any).error.message);
    const page = await fetch(`${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&so=0123`);
    expect(await page.text()).toContain('Đã tiếp nhận');
  });

  test('the code is printed as a QR code linking to the look-up page, which fills the code in', async () => {
    const code = await receive();
    const link = `${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;
    const get = (f: string) => fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/${encodeURIComponent(code)}/forms/${f}`, { headers: { cookie: officer.cookie } });
    const media = [...await docxMedia(Buffer.from(await (await get('01.docx')).arrayBuffer()))].filter(([n]) => n.endsWith('.png'));
    expect(media).toHaveLength(1);
    expect(await readQr(media[0][1])).toBe(link);
    const pdf = Buffer.from(await (await get('01.pdf')).arrayBuffer());
    expect((await pdfCheck(pdf)).inked).toBe(true);
    expect(await pdfQr(pdf)).toBe(link);
    const detail = await (await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}`, { headers: { cookie: officer.cookie } })).text();
    expect(detail).toMatch(/<div class="qr" role="img" aria-label="[^"]*"><svg[^>]*viewBox/);
    expect(detail).toContain(`href="${link}"`);
    const scanned = await fetch(link);
    expect(scanned.status).toBe(200);
    const html = await scanned.text();
    expect(html).toContain(`name="ma" type="text" value="${code}"`);
    expect(html).toContain('Mã hồ sơ đã được điền sẵn từ mã QR');
    expect(html).not.toContain('Nhập đúng 4 chữ số cuối');
  });

  test('illegal transitions are 409 with a Vietnamese message', async () => {
    const code = await receive();
    const r = await act(code, { action: 'return' });
    expect(r.status).toBe(409);
    expect(await r.text()).toContain('Không thể');
  });
});
