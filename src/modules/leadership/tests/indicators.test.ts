/** The criterion-3 indicators pinned against known records in a ward without demo data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { vnYearBounds } from '../../../core/providers.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { computeLeadership, DEFINITIONS } from '../indicators.js';

let t: TestApp;
let unitId: string;
const NOW = new Date('2026-03-15T10:00:00+07:00'); // a Sunday: the week of 09/03 is still running

beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId('chi-linh');
  const db = t.db;
  const staff: string[] = [];
  for (let i = 0; i < 4; i++) {
    const s = await t.createStaff(i === 0 ? 'leader' : 'department_officer', 'chi-linh');
    staff.push((await sql<{ id: string }>`select id from users where username = ${s.username}`.execute(db)).rows[0].id);
  }
  await sql`insert into leadership_settings (unit_id, head_user_id) values (${unitId}, ${staff[0]})`.execute(db);
  const g = (await sql<{ id: string }>`insert into residential_groups (unit_id, code, name) values (${unitId}, 'T1', 'Tổ 1') returning id`.execute(db)).rows[0].id;
  const visit = (held: string | null, status = 'held') => sql`insert into leadership_visits (unit_id, group_id, planned_on, held_on, status, activity)
    values (${unitId}, ${g}, ${held ?? '2026-02-04'}, ${held}, ${status}, 'Dọn vệ sinh')`.execute(db);
  // ISO 2026 week 1 starts Mon 29/12/2025. Weeks with a held visit: 29/12, 05/01 (twice), 12/01, 23/02 → 4 of 10 finished weeks.
  for (const d of ['2025-12-30', '2026-01-10', '2026-01-11', '2026-01-17', '2026-02-28', '2026-03-14']) await visit(d);
  await visit(null, 'planned');
  const session = (kind: string, on: string, host: string) => sql`insert into leadership_receptions (unit_id, kind, held_on, host_user_id, host_name, place)
    values (${unitId}, ${kind}, ${on}, ${host}, 'X', 'Trụ sở')`.execute(db);
  await session('head_monthly', '2026-01-20', staff[0]);
  await session('regular', '2026-02-10', staff[1]); // not the head: February is missed
  await session('regular', '2026-03-05', staff[0]); // the head hosted a regular session: March counts
  const kase = (code: string, kind: string, status: string, due: string, resolved: string | null, closed: string | null, escalated = false) =>
    sql`insert into leadership_cases (unit_id, code, kind, status, matter, received_on, accepted_on, resolve_due, resolved_on, closed_on, escalated)
      values (${unitId}, ${code}, ${kind}, ${status}, 'Nội dung', '2026-01-02', '2026-01-05', ${due}, ${resolved}, ${closed}, ${escalated})`.execute(db);
  await kase('KN-2026-001', 'complaint', 'resolved', '2026-02-04', '2026-02-01', '2026-02-01'); // on time, at the ward
  await kase('TC-2026-001', 'denunciation', 'resolved', '2026-02-09', '2026-02-20', '2026-02-20'); // late
  await kase('KN-2026-002', 'complaint', 'escalated', '2026-02-04', '2026-02-03', '2026-03-01', true); // went higher
  await kase('KN-2026-003', 'complaint', 'accepted', '2026-04-04', null, null); // still open
  const discipline = (user: string, kind: string, on: string) => sql`insert into leadership_discipline (unit_id, user_id, kind, reason, occurred_on)
    values (${unitId}, ${user}, ${kind}, 'alcohol', ${on})`.execute(db);
  await discipline(staff[1], 'discipline', '2026-01-10');
  await discipline(staff[1], 'discipline', '2026-02-10');
  await discipline(staff[2], 'discipline', '2026-03-01');
  await discipline(staff[3], 'discipline', '2025-06-01');
  for (const d of ['2026-01-03', '2026-02-03', '2026-03-03']) await discipline(staff[2], 'violation', d);
  const train = (user: string, on: string) => sql`insert into leadership_trainings (unit_id, user_id, topic, title, completed_on)
    values (${unitId}, ${user}, 'it', 'Tin học', ${on})`.execute(db);
  for (const u of staff.slice(0, 3)) await train(u, '2026-02-01');
  await train(staff[0], '2026-02-15');
  await train(staff[3], '2025-11-01');
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('leadership indicators', () => {
  it('declares exactly the ids of docs/indicators.md', () => {
    expect(DEFINITIONS.map((d) => d.id)).toEqual([
      'leadership.weekly_field_visits', 'leadership.head_monthly_reception', 'leadership.complaints_resolved_on_time', 'leadership.resolved_at_ward',
      'leadership.officials_disciplined', 'leadership.rule_violations', 'leadership.training_coverage',
    ]);
    expect(DEFINITIONS.every((d) => d.criterion === 3)).toBe(true);
    expect(DEFINITIONS.filter((d) => d.higherIsBetter === false).map((d) => d.id)).toEqual(['leadership.officials_disciplined', 'leadership.rule_violations']);
  });

  it('computes each figure from the stored records', async () => {
    const staffCount = (await sql<{ n: number }>`select count(*)::int as n from users where unit_id = ${unitId} and not disabled`.execute(t.db)).rows[0].n;
    expect(staffCount).toBe(4);
    const values = await computeLeadership({ db: t.appDb, unitId, year: 2026, ...vnYearBounds(2026), now: NOW });
    const byId = Object.fromEntries(values.map((v) => [v.id.replace('leadership.', ''), v]));
    expect(byId.weekly_field_visits).toMatchObject({ value: 40, numerator: 4, denominator: 10 });
    expect(byId.weekly_field_visits.note).toContain('6 tuần');
    expect(byId.weekly_field_visits.note).toContain('02/02/2026');
    expect(byId.head_monthly_reception).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(byId.complaints_resolved_on_time).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(byId.resolved_at_ward).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(byId.officials_disciplined.value).toBe(2);
    expect(byId.rule_violations.value).toBe(3);
    expect(byId.training_coverage).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
  });

  it('reports "no data" rather than 0 for a ward with nothing recorded', async () => {
    const other = await t.unitId('chu-van-an');
    const values = await computeLeadership({ db: t.appDb, unitId: other, year: 2020, ...vnYearBounds(2020), now: new Date('2020-01-02T00:00:00+07:00') });
    const byId = Object.fromEntries(values.map((v) => [v.id, v.value]));
    expect(byId['leadership.weekly_field_visits']).toBeNull();
    expect(byId['leadership.complaints_resolved_on_time']).toBeNull();
    expect(byId['leadership.resolved_at_ward']).toBeNull();
  });
});
