import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { vnToday, vnYearOf } from '../../../lib/vn-calendar/index.js';
import { apologyCounts } from '../index.js';
import { twoDayProcedureKey } from '../test-support.js';

let t: TestApp;
let officer: Session;
let procedureKey: string;
beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  procedureKey = await twoDayProcedureKey(t.appDb, await t.unitId());
});
afterAll(() => t?.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST', redirect: 'manual' as const,
  headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: officer.csrf, ...fields }).toString(),
});
const staff = (code: string, rest = '') => `${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}${rest}`;

async function receive(fields: Record<string, string>): Promise<string> {
  const res = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, form({ procedureKey, applicantName: 'Đặng Văn Tú', complete: 'yes', ...fields }));
  expect(res.status).toBe(303);
  return decodeURIComponent(/ho-so\/([^?]+)/.exec(res.headers.get('location')!)![1]);
}
const apologise = (code: string) => fetch(staff(code, '/xin-loi'), form({
  reason: 'Chờ kết quả xác minh của cơ quan khác', newDueDate: '2099-02-10', leaderName: 'Trần Minh Đức', leaderTitle: 'Phó Chủ tịch',
}));

describe('apologies by the citizen\'s channel', () => {
  test('an SMS apology is not silent: "chờ gửi" for staff, with the text, until marked sent (audited)', async () => {
    const code = await receive({ applicantPhone: '0912 000 555', channel: 'online' });
    const outboxBefore = (await sql<{ n: number }>`select count(*)::int as n from outbox where kind = 'email'`.execute(t.db)).rows[0].n;
    expect((await apologise(code)).status).toBe(303);
    const a = await t.db.selectFrom('dossier_apologies').innerJoin('dossiers', 'dossiers.id', 'dossier_apologies.dossier_id')
      .select(['sent_channel', 'sent_to', 'send_status']).where('dossiers.code', '=', code).executeTakeFirstOrThrow();
    expect(a).toEqual({ sent_channel: 'sms', sent_to: '0912 000 555', send_status: 'pending' });
    expect((await sql<{ n: number }>`select count(*)::int as n from outbox where kind = 'email'`.execute(t.db)).rows[0].n).toBe(outboxBefore);

    const page = await (await fetch(staff(code, '?xin-loi=1'), { headers: { cookie: officer.cookie } })).text();
    expect(page).toContain('Phiếu gửi qua SMS đang chờ gửi');
    expect(page).toContain('chờ gửi SMS đến 0912 000 555');
    expect(page).toContain(`Ho so ${code} cham tra ket qua. Chung toi xin loi ong/ba va hen tra ket qua ngay 10/02/2099.`);
    expect(page).toMatch(/<strong class="tag[^"]*">Chờ gửi<\/strong>|class="tag[^"]*"[^>]*>Chờ gửi</);

    const list = await (await fetch(`${t.url}/quan-tri/chu-van-an/ho-so?xin-loi=cho-gui`, { headers: { cookie: officer.cookie } })).text();
    expect(list).toContain('Có 1 phiếu xin lỗi chờ gửi qua SMS');
    expect(list).toContain(`>${code}</a>`);
    const sent = await fetch(staff(code, '/xin-loi/1/da-gui'), form({}));
    expect(sent.status).toBe(303);
    const after = await t.db.selectFrom('dossier_apologies').innerJoin('dossiers', 'dossiers.id', 'dossier_apologies.dossier_id')
      .select(['send_status', 'sent_by', 'dossiers.id as dossier_id']).where('dossiers.code', '=', code).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ send_status: 'sent', sent_by: 'Phạm Thu Trang' });
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'dossier.apology_sent' and entity_id = ${after.dossier_id}`.execute(t.db);
    expect(audit.rows[0].n).toBe(1);
    const again = await fetch(staff(code, '/xin-loi/1/da-gui'), form({}));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('không ở trạng thái chờ gửi');
    expect((await fetch(staff(code, '/xin-loi/7/da-gui'), form({}))).status).toBe(404);
    const later = await (await fetch(staff(code), { headers: { cookie: officer.cookie } })).text();
    expect(later).not.toContain('chờ gửi SMS');
    expect(later).toContain('Đã gửi phiếu xin lỗi (SMS)'); // timeline
  });

  test('e-mail apologies are queued in the mail outbox; desk apologies are on paper', async () => {
    const online = await receive({ applicantPhone: '0912 000 556', applicantEmail: 'tu@example.vn', channel: 'online' });
    const desk = await receive({ applicantPhone: '0912 000 557', channel: 'in_person' });
    expect((await apologise(online)).status).toBe(303);
    expect((await apologise(desk)).status).toBe(303);
    const rows = await t.db.selectFrom('dossier_apologies').innerJoin('dossiers', 'dossiers.id', 'dossier_apologies.dossier_id')
      .select(['dossiers.code', 'send_status']).where('dossiers.code', 'in', [online, desk]).orderBy('dossiers.code').execute();
    expect(Object.fromEntries(rows.map((r) => [r.code, r.send_status]))).toEqual({ [online]: 'queued', [desk]: 'paper' });
    const mail = await sql<{ n: number }>`select count(*)::int as n from outbox where kind = 'email' and payload->>'to' = 'tu@example.vn'`.execute(t.db);
    expect(mail.rows[0].n).toBe(1);
  });

  test('the citizen\'s look-up shows the apology; nothing personal', async () => {
    const code = await receive({ applicantPhone: '0912 000 558', channel: 'in_person' });
    const before = await (await fetch(`${t.url}/api/v1/dossiers/${encodeURIComponent(code)}?phone_last4=0558`)).json() as Record<string, unknown>;
    expect(before.apology).toBeNull();
    await apologise(code);
    const body = await (await fetch(`${t.url}/api/v1/dossiers/${encodeURIComponent(code)}?phone_last4=0558`)).json() as Record<string, unknown>;
    expect(body.apology).toEqual({ issued_on: vnToday(), new_due_date: '2099-02-10', count: 1 });
    expect(JSON.stringify(body)).not.toMatch(/Chờ kết quả xác minh|Trần Minh Đức|Đặng Văn Tú/);
    const page = await (await fetch(`${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&so=0558`)).text();
    expect(page).toContain('Cơ quan giải quyết đã gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)');
    expect(page).toContain('Ngày hẹn trả kết quả mới: 10/02/2099');
  });

  test('apologies are counted publicly: total and late, in the stats service and API', async () => {
    const unitId = await t.unitId();
    const year = vnYearOf(new Date());
    const before = await apologyCounts(t.appDb, [unitId], year); // demo dossiers and the tests above
    // One late apology (its dossier's due date had passed when it was issued) and one in time.
    const late = await receive({ applicantPhone: '0912 000 559', channel: 'in_person' });
    await t.db.updateTable('dossiers').set({ due_date: `${year}-01-02` }).where('code', '=', late).execute();
    expect((await apologise(late)).status).toBe(303);
    expect((await apologise(await receive({ applicantPhone: '0912 000 560', channel: 'in_person' }))).status).toBe(303);
    const counts = await apologyCounts(t.appDb, [unitId], year);
    expect(counts).toEqual({ year, total: before.total + 2, late: before.late + 1, in_time: before.in_time + 1 });
    const api = await (await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/stats?year=${year}`)).json() as Record<string, any>;
    expect(api.apologies).toEqual(counts);
    expect(api.totals).toMatchObject({ apologies: counts.total, late_apologies: counts.late });
    expect(api.byOfficer).toBeUndefined();
  });
});
