/**
 * City monthly dashboard: N dossiers spread over every ward/commune of the city (default 300,000;
 * `--10m` for 10,000,000), inserted in batches (the statement-level triggers keep
 * `dossier_monthly_stats` current: one aggregate per batch). Then the city dashboard query —
 * monthly received / online / early / on-time / late / apologies of all children for a year, as
 * the app role under RLS — is timed. Prints one JSON object.
 * Usage: npx tsx bench/dossier-city.ts [rows|--10m]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { withUnits } from '../src/core/tenancy.js';
import { monthlyFigures } from '../src/modules/dossiers/stats/stats.js';
import { percentile } from './lib.js';

process.env.THANTHIEN_MODULES ??= 'dossiers';
const arg = process.argv[2];
const rows = arg === '--10m' ? 10_000_000 : Number(arg ?? 300_000);
const BATCH = 500_000;
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-dossier-city-'));
chmodSync(dataDir, 0o755);
const rt = await openRuntime(loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', LOG_LEVEL: 'warn' }), quiet, { poolSize: 2 });
try {
  await prepareDatabase(rt, quiet, { demo: false });
  const city = await rt.ownerDb.selectFrom('units').select('id').where('type', '=', 'city').executeTakeFirstOrThrow();
  // Hải Phòng has 114 commune-level units; add fictional ones if the reference list is shorter.
  const have = (await rt.ownerDb.selectFrom('units').select('id').where('parent_id', '=', city.id).execute()).length;
  for (let i = have; i < 114; i++) {
    await rt.ownerDb.insertInto('units').values({ code: `BENCH${i}`, slug: `bench-xa-${i}`, name: `Xã thử ${i}`, type: 'commune', parent_id: city.id }).execute();
  }
  const children = (await rt.ownerDb.selectFrom('units').select('id').where('parent_id', '=', city.id).execute()).map((u) => u.id as string);
  const t0 = performance.now();
  for (let start = 0; start < rows; start += BATCH) {
    const end = Math.min(rows, start + BATCH) - 1;
    await sql`
      with u as (select array_agg(id order by slug) as a, count(*)::int as n from units where parent_id = ${city.id}),
      g as (select i, timestamptz '2025-01-01 09:00+07' + ((i::bigint * 7919) % 365)::int * interval '1 day' as received_at from generate_series(${start}::int, ${end}::int) i)
      insert into dossiers (unit_id, receiving_unit_id, code, procedure_name, field, working_days, applicant_name, channel, status,
        received_at, accepted_at, due_date, result_at, apologies, source)
      select u.a[1 + i % u.n], u.a[1 + i % u.n], 'BENCH-' || i, 'Chứng thực chữ ký', case when i % 3 = 0 then 'Hộ tịch' else 'Chứng thực' end, 3,
        'Người dân ' || i, case when i % 4 = 0 then 'online' else 'in_person' end, case when i % 5 = 0 then 'processing' else 'returned' end,
        received_at, received_at, (received_at at time zone 'Asia/Ho_Chi_Minh')::date + 3,
        case when i % 5 = 0 then null else received_at + ((i % 6) || ' days')::interval end, (i % 50 = 0)::int, 'bench'
      from g, u`.execute(rt.ownerDb);
  }
  const loadS = (performance.now() - t0) / 1000;
  await sql`analyze dossier_monthly_stats`.execute(rt.ownerDb);
  const times: number[] = [];
  let months = 0;
  let received = 0;
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    const figures = await withUnits(rt.db, children, (trx) => monthlyFigures(trx, children, 2025));
    times.push(performance.now() - s);
    months = figures.length;
    received = figures.reduce((n, f) => n + f.received, 0);
  }
  const sorted = times.slice(10).sort((a, b) => a - b);
  const total = (await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(rt.ownerDb)).rows[0].n;
  const r = (n: number) => Math.round(n * 100) / 100;
  console.log(JSON.stringify({
    benchmark: 'dossier-city', rows, units: children.length, load_seconds: r(loadS), load_rows_per_s: Math.round(rows / loadS),
    dashboard_query_ms: { p50: r(percentile(sorted, 0.5)), p95: r(percentile(sorted, 0.95)), max: r(sorted[sorted.length - 1]) },
    months, stats_received: received, dossiers: total, consistent: received === total,
    how: 'statement-level triggers on dossiers (transition tables) add/subtract each statement\'s rows into dossier_monthly_stats(unit, month)',
  }));
} finally {
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
}
