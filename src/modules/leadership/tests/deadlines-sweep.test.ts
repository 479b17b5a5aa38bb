/** The daily sweep: reminders before a case's due date, escalation to the head once overdue, once a day. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { sweepDeadlines } from '../deadlines-sweep.js';

let t: TestApp;
let unitId: string;
let handler: string;
let head: string;

beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId('chi-linh');
  const mk = async (email: string) => {
    const s = await t.createStaff('leader', 'chi-linh');
    return (await sql<{ id: string }>`update users set email = ${email} where username = ${s.username} returning id`.execute(t.db)).rows[0].id;
  };
  handler = await mk('xu.ly@example.vn');
  head = await mk('chu.tich@example.vn');
  await sql`insert into leadership_settings (unit_id, head_user_id) values (${unitId}, ${head})`.execute(t.db);
  const kase = (code: string, status: string, acceptDue: string, resolveDue: string | null) => sql`insert into leadership_cases
    (unit_id, code, kind, status, matter, received_on, accept_due, resolve_due, handler_id)
    values (${unitId}, ${code}, 'complaint', ${status}, 'Nội dung', '2026-11-01', ${acceptDue}, ${resolveDue}, ${handler})`.execute(t.db);
  await kase('KN-2026-101', 'received', '2026-11-12', null); // due in 2 days: reminder
  await kase('KN-2026-102', 'accepted', '2026-11-05', '2026-11-08'); // overdue: escalated to the head
  await kase('KN-2026-103', 'accepted', '2026-11-05', '2026-12-20'); // far away: nothing
  await kase('KN-2026-104', 'resolved', '2026-11-05', '2026-11-08'); // closed: nothing
}, 120_000);
afterAll(async () => { await t?.close(); });

const mails = async () => (await sql<{ to: string; subject: string }>`select payload->>'to' as "to", payload->>'subject' as subject from outbox
  where kind = 'email' and unit_id = ${unitId} order by id`.execute(t.db)).rows;

describe('deadline sweep', () => {
  it('reminds the handler, escalates overdue cases to the head, and runs once a day', async () => {
    expect(await sweepDeadlines(t.appDb, unitId, '2026-11-10', (c) => `/x/${c}`)).toEqual({ reminded: 1, escalated: 1 });
    const bySubject = (a: { subject: string }, b: { subject: string }) => a.subject.localeCompare(b.subject);
    expect((await mails()).sort(bySubject)).toEqual([
      { to: 'xu.ly@example.vn', subject: 'Vụ việc KN-2026-101 sắp đến hạn 12/11/2026' },
      { to: 'chu.tich@example.vn', subject: 'Vụ việc KN-2026-102 đã quá hạn (08/11/2026)' },
    ]);
    expect(await sweepDeadlines(t.appDb, unitId, '2026-11-10', (c) => `/x/${c}`)).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepDeadlines(t.appDb, unitId, '2026-11-11', (c) => `/x/${c}`)).toEqual({ reminded: 2, escalated: 0 });
    const last = (await mails()).slice(-2).map((m) => m.to).sort();
    expect(last).toEqual(['xu.ly@example.vn', 'xu.ly@example.vn']); // after escalation the handler keeps being reminded
  });
});
