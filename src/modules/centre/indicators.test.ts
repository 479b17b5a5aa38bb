import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';
import { withUnit } from '../../core/tenancy.js';
import { centreIndicators } from './indicators.js';
import { centreIndicatorSource } from './indicator-source.js';
import { vnYearBounds } from '../../core/providers.js';
import { orderQueue, PRIORITY_GROUPS } from './domain/aging.js';
import { waitingInOrder } from './repo/ticket-repo.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

let t: TestApp;
let unitId: string;
let officer: Session;

/** Known inputs in 2024 (the demo history is recent, so 2024 holds only these). */
async function arrange() {
  unitId = await t.unitId();
  const { rows: [svc] } = await sql<{ id: string }>`select id from centre_services where unit_id = ${unitId} and prefix = 'A'`.execute(t.db);
  const { rows: [ctr] } = await sql<{ id: string }>`select id from centre_counters where unit_id = ${unitId} and number = 1`.execute(t.db);
  const at = (hm: string) => new Date(`2024-03-04T${hm}:00+07:00`);
  const tickets = [
    // created, called, finished, status — waits 5, 15, 40 min; services 10, 5 min
    ['08:00', '08:05', '08:15', 'done'], ['08:10', '08:25', '08:30', 'done'], ['09:00', '09:40', '09:41', 'no_show'],
  ] as const;
  for (const [i, [c, k, f, s]] of tickets.entries()) {
    const { rows: [tk] } = await sql<{ id: string }>`insert into centre_tickets (unit_id, service_id, day, seq, number, status, counter_id, created_at, called_at, finished_at)
      values (${unitId}, ${svc.id}, '2024-03-04', ${i + 1}, ${'A00' + (i + 1)}, ${s}, ${ctr.id}, ${at(c)}, ${at(k)}, ${at(f)}) returning id`.execute(t.db);
    if (i < 2) {
      await sql`insert into centre_ratings (unit_id, kind, channel, ticket_id, counter_id, score, created_at)
        values (${unitId}, 'counter', 'device', ${tk.id}, ${ctr.id}, ${i === 0 ? 'satisfied' : 'unsatisfied'}, ${at(f)})`.execute(t.db);
    }
  }
  await sql`insert into centre_ratings (unit_id, kind, channel, reception_nonce, reception_ref, score, created_at)
    values (${unitId}, 'reception', 'qr', '019abcde-0000-7000-8000-000000000001', 'Tiếp công dân 05/03/2024', 'satisfied', ${at('10:00')})`.execute(t.db);
}

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  await arrange();
});
afterAll(() => t?.close());

describe('centre figures from known inputs', () => {
  test('centreIndicators for 2024', async () => {
    expect(await centreIndicators(t.appDb, unitId, 2024)).toEqual({
      year: 2024, tickets: 3, served: 2, noShows: 1,
      calledWithin15MinRate: 66.7, waitMeanS: 1200, waitP90S: 2400, serviceMeanS: 450,
      counterRatings: { total: 2, satisfied: 1, normal: 0, unsatisfied: 1, satisfiedRate: 50 },
      receptionRatings: { total: 1, satisfied: 1, normal: 0, unsatisfied: 0, satisfiedRate: 100 },
    });
    expect((await centreIndicators(t.appDb, unitId, 2023)).tickets).toBe(0);
  });

  test('indicators for the scoring module, from the same records', async () => {
    const ctx = (year: number, now: Date) => ({ db: t.appDb, unitId, year, ...vnYearBounds(year), now });
    const values = await centreIndicatorSource.compute(ctx(2024, new Date('2026-01-01T00:00:00Z')));
    expect(values.map((v) => [v.id, v.value, v.numerator, v.denominator])).toEqual([
      ['centre.rating_satisfied', 66.7, 2, 3], ['centre.queue_in_use', 1, 3, undefined], ['centre.rating_devices_in_use', 1, 2, undefined],
    ]);
    expect(values[0].drillDown).toBe('quay/thong-ke?tu=2024-01-01&den=2024-12-31');
    // Nothing after "now" counts: at 08:05 on 4 March only the first ticket exists and nobody has rated yet.
    const early = await centreIndicatorSource.compute(ctx(2024, new Date('2024-03-04T08:05:00+07:00')));
    expect(early.map((v) => v.value)).toEqual([null, 1, 0]);
    expect(early[1].numerator).toBe(1);
    expect((await centreIndicatorSource.compute(ctx(2023, new Date()))).map((v) => v.value)).toEqual([null, 0, 0]);
  });

  test('the statistics page shows the same figures for that day', async () => {
    const html = await (await fetch(`${t.url}/quan-tri/chu-van-an/quay/thong-ke?tu=2024-03-04&den=2024-03-04`, { headers: { cookie: officer.cookie } })).text();
    const row = /<tr><td[^>]*>Hộ tịch<\/td>(.*?)<\/tr>/.exec(html)![1];
    const cells = [...row.matchAll(/<td class="num"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // tickets, served, no-shows, mean wait, median, p90, mean service, p90 service (minutes)
    expect(cells).toEqual(['3', '2', '1', '20,0', '15,0', '40,0', '7,5', '10,0']);
    expect(html).toContain('50 %');
  });

  test('another ward sees none of these tickets (row-level security)', async () => {
    const { rows } = await sql<{ id: string }>`select id from units where slug <> 'chu-van-an' and type <> 'city' limit 1`.execute(t.db);
    expect(rows[0]).toBeTruthy();
    expect((await centreIndicators(t.appDb, rows[0].id, 2024)).tickets).toBe(0);
    const seen = await withUnit(t.appDb, rows[0].id, (trx) => sql<{ n: number }>`select count(*)::int as n from centre_tickets where unit_id = ${unitId}`.execute(trx));
    expect(seen.rows[0].n).toBe(0);
    const own = await withUnit(t.appDb, unitId, (trx) => sql<{ n: number }>`select count(*)::int as n from centre_tickets where unit_id = ${unitId}`.execute(trx));
    expect(own.rows[0].n).toBeGreaterThan(3);
  });

  test('the SQL calling order is the aging rule of domain/aging.ts', async () => {
    const { rows: [svc] } = await sql<{ id: string }>`select id from centre_services where unit_id = ${unitId} and prefix = 'C'`.execute(t.db);
    const day = vnToday();
    const start = Date.now() - 3 * 3600_000;
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 40; i++) {
      const group = rnd() < 0.3 ? PRIORITY_GROUPS[i % PRIORITY_GROUPS.length] : null;
      const appt = rnd() < 0.1 ? new Date(start + rnd() * 3 * 3600_000) : null;
      await sql`insert into centre_tickets (unit_id, service_id, day, seq, number, priority_group, appointment_at, created_at)
        values (${unitId}, ${svc.id}, ${day}, ${900 + i}, ${'C' + (900 + i)}, ${group}, ${appt}, ${new Date(start + Math.floor(rnd() * 3 * 3600) * 1000)})`.execute(t.db);
    }
    const fromSql = await withUnit(t.appDb, unitId, (trx) => waitingInOrder(trx, unitId, day, 900, svc.id));
    const expected = orderQueue(fromSql.map((r) => ({
      id: r.id, arrivedAtMs: r.created_at.getTime(), priorityGroup: r.priority_group, appointmentAtMs: r.appointment_at?.getTime() ?? null,
    })), 900);
    expect(fromSql.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });
});
