import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('the demo ward has realistic dossiers, late ones apologised, consistent statistics', async () => {
  const unitId = await t.unitId();
  const r = await sql<{ n: number; late_apologised: number; late_flags: number; home: number; open: number }>`
    select count(*)::int as n, count(*) filter (where apologies > 0)::int as late_apologised,
      count(*) filter (where late_apologies > 0)::int as late_flags, count(*) filter (where home_service)::int as home,
      count(*) filter (where status = 'processing')::int as open
    from dossiers where unit_id = ${unitId} and source = 'demo'`.execute(t.db);
  const s = r.rows[0];
  expect(s.n).toBeGreaterThan(150);
  expect(s.late_apologised).toBeGreaterThan(0);
  expect(s.late_flags).toBeGreaterThan(0);
  expect(s.home).toBeGreaterThan(0);
  const late = await sql<{ n: number }>`select count(*)::int as n from dossiers where unit_id = ${unitId} and dossier_timing(result_at, due_date) = 'late' and apologies = 0`.execute(t.db);
  expect(late.rows[0].n).toBe(0);
  const stats = await sql<{ received: number }>`select sum(received)::int as received from dossier_monthly_stats where unit_id = ${unitId}`.execute(t.db);
  const total = await sql<{ n: number }>`select count(*)::int as n from dossiers where unit_id = ${unitId}`.execute(t.db);
  expect(stats.rows[0].received).toBe(total.rows[0].n);
});
