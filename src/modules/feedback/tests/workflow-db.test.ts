import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withUnit } from '../../../core/tenancy.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { nationalCalendar, nationalRules } from '../../../lib/vn-calendar/index.js';
import { runSlaSweep } from '../sla.js';
import { feedbackIndicators } from '../stats.js';
import { submitFeedback } from '../intake.js';
import { deliverPending } from '../outbound.js';
import { httpAdapter, logAdapter } from '../channels/adapters.js';
import { asFeedbackTrx } from '../types.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

let t: TestApp;
let unitId: string;
const deadlineRules = async () => nationalRules(); // no holiday in November 2026
const weekdays = nationalCalendar();
const messages = { subject: (k: string, c: string) => `${k} ${c}`, body: (k: string, c: string, d: string) => `${k} ${c} ${d}`, staffUrl: (c: string) => c };
const base = { name: null, phone: null, email: null, lat: null, lng: null, address: null, shareLocation: false };

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  unitId = await t.unitId('chi-linh'); // a ward without demo data: every figure below is known
});
afterAll(async () => { await t?.close(); });

async function item(category: 'environment' | 'conduct', receivedAt: string, content: string) {
  return submitFeedback(t.appDb, deadlineRules, unitId, { ...base, category, content }, { channel: 'hotline', receivedAt: new Date(receivedAt) });
}

describe('deadlines, escalation and indicators on stored data', () => {
  it('computes due dates in working days and escalates overdue items once per level', async () => {
    await withUnit(t.db, unitId, async (trx) => {
      await sql`insert into feedback_departments (unit_id, code, name, head_email) values (${unitId}, 'KT', 'Kinh tế', 'truongphong@example.vn')`.execute(trx);
      await sql`insert into feedback_settings (unit_id, chairman_email) values (${unitId}, 'chutich@example.vn')`.execute(trx);
    });
    const a = await item('environment', '2026-11-02T02:00:00Z', 'Rác thải tồn đọng ở chợ đã nhiều ngày.'); // Mon → due Mon 16/11
    expect(a.dueDate).toBe('2026-11-16');
    await withUnit(t.db, unitId, (trx) => sql`update feedback set department_code = 'KT' where code = ${a.code}`.execute(trx));
    const remind = await runSlaSweep(t.appDb, unitId, weekdays, '2026-11-13', messages);
    expect(remind).toEqual({ reminded: 1, escalatedToHead: 0, escalatedToChairman: 0 });
    expect(await runSlaSweep(t.appDb, unitId, weekdays, '2026-11-13', messages)).toEqual({ reminded: 0, escalatedToHead: 0, escalatedToChairman: 0 });
    expect(await runSlaSweep(t.appDb, unitId, weekdays, '2026-11-17', messages)).toEqual({ reminded: 0, escalatedToHead: 1, escalatedToChairman: 0 });
    expect(await runSlaSweep(t.appDb, unitId, weekdays, '2026-11-19', messages)).toEqual({ reminded: 0, escalatedToHead: 0, escalatedToChairman: 1 });
    const mails = await sql<{ to: string }>`select payload->>'to' as to from outbox where unit_id = ${unitId} and kind = 'email' order by id`.execute(t.db);
    expect(mails.rows.map((m) => m.to)).toEqual(['truongphong@example.vn', 'truongphong@example.vn', 'chutich@example.vn']);
    const audits = await sql<{ action: string }>`select action from audit_log where unit_id = ${unitId} and action like 'feedback.sla.%' order by id`.execute(t.db);
    expect(audits.rows.map((r) => r.action)).toEqual(['feedback.sla.remind', 'feedback.sla.head', 'feedback.sla.chairman']);
  });

  it('pins the indicators: on-time rate, overdue and intake coverage', async () => {
    const b = await item('environment', '2026-11-03T02:00:00Z', 'Cống thoát nước tắc ở ngõ 3.'); // due 17/11
    const c = await item('conduct', '2026-11-04T02:00:00Z', 'Cán bộ có thái độ không đúng mực.'); // due 11/11
    await withUnit(t.db, unitId, async (trx) => {
      await sql`update feedback set status = 'answered', answered_at = '2026-11-10T03:00:00Z', rating = 4 where code = ${b.code}`.execute(trx); // on time
      await sql`update feedback set status = 'answered', answered_at = '2026-11-12T03:00:00Z', rating = 1 where code = ${c.code}`.execute(trx); // late
      await sql`insert into feedback_intakes (unit_id, iso_year, iso_week, group_kind, group_code, group_name, no_new_items)
        values (${unitId}, 2026, 1, 'organisation', 'womens_union', 'x', true), (${unitId}, 2026, 2, 'organisation', 'womens_union', 'x', true)`.execute(trx);
    });
    const groups = (await withUnit(t.appDb, unitId, (trx) => sql<{ n: number }>`select count(*)::int as n from residential_groups`.execute(trx))).rows[0].n;
    const ind = await feedbackIndicators(t.appDb, unitId, 2026, new Date('2026-11-25T05:00:00Z'));
    expect(ind).toMatchObject({ total: 3, answered: 2, answeredOnTime: 1, onTimeRate: 0.5, overdueOpen: 1, averageRating: 2.5, byCategory: { environment: 2, conduct: 1 } });
    expect(ind.intakeWeeksExpected).toBe((6 + groups) * 48);
    expect(ind.intakeWeeksRecorded).toBe(2);
  });

  it('delivers queued SMS/Zalo replies through the adapter, or logs them', async () => {
    const got: string[] = [];
    const server = http.createServer((req, res) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => { got.push(b); res.end('ok'); }); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const x = await item('environment', '2026-11-20T02:00:00Z', 'Tiếng ồn từ công trình lúc nửa đêm.');
    await withUnit(t.db, unitId, (trx) => asFeedbackTrx(trx).insertInto('feedback_outbound').values([
      { unit_id: unitId, feedback_id: x.id, channel: 'zalo', recipient: 'z-1', body: 'Trả lời qua Zalo' },
      { unit_id: unitId, feedback_id: x.id, channel: 'sms', recipient: '0912000111', body: 'Trả lời qua SMS' },
    ]).execute());
    const logged: object[] = [];
    const n = await deliverPending(t.appDb, unitId, { zalo: httpAdapter('zalo', url), sms: logAdapter('sms', (o) => logged.push(o)), facebook: logAdapter('facebook', () => {}) });
    server.close();
    expect(n).toBe(2);
    expect(JSON.parse(got[0])).toEqual({ channel: 'zalo', recipient: 'z-1', text: 'Trả lời qua Zalo' });
    expect(logged).toHaveLength(1);
    const rows = await withUnit(t.db, unitId, (trx) => sql<{ status: string }>`select status from feedback_outbound order by channel`.execute(trx));
    expect(rows.rows.map((r) => r.status)).toEqual(['logged', 'sent']);
  });
});
