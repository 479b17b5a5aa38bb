// Inputs of the capacity plan (docs/scaling.md), measured on a fresh embedded database with the demo ward:
// rows and bytes the demo ward holds per tenant table, the period its demo data spans (to turn rows into
// rows per year), the database size with and without the ward, and requests/s of key pages (closed loop).
// Prints one JSON object. Usage: npx tsx bench/capacity.ts [seconds=5] [concurrency=16]
import os from 'node:os';
import { sql } from 'kysely';
import { load } from './lib.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 16);
const { mkdtempSync, chmodSync, rmSync } = await import('node:fs');
const path = await import('node:path');
const { loadConfig } = await import('../src/core/config.js');
const { openRuntime, prepareDatabase } = await import('../src/core/runtime.js');
const { buildApp } = await import('../src/app.js');
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-capacity-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rt = await openRuntime(config, quiet);
await prepareDatabase(rt, quiet, { demo: true });
const db = rt.ownerDb;
await sql`vacuum analyze`.execute(db);

const ward = (await sql<{ id: string }>`select id from units where slug = 'chu-van-an'`.execute(db)).rows[0].id;
const { rows: tables } = await sql<{ table: string }>`
  select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r'
    and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'unit_id' and not a.attisdropped)
  order by 1`.execute(db);
const perTable: Record<string, { ward_rows: number; all_rows: number; bytes: number; ward_bytes: number }> = {};
let wardRows = 0, wardBytes = 0;
for (const { table } of tables) {
  const { rows: [r] } = await sql<{ ward_rows: string; all_rows: string; bytes: string }>`
    select (select count(*) from ${sql.table(table)} where unit_id = ${ward}) as ward_rows, (select count(*) from ${sql.table(table)}) as all_rows,
      pg_total_relation_size(${table}::regclass) as bytes`.execute(db);
  const wr = Number(r.ward_rows), ar = Number(r.all_rows), b = Number(r.bytes);
  // The ward's share of the table's bytes, by its share of rows (indexes and TOAST included).
  const wb = ar ? Math.round((b * wr) / ar) : 0;
  perTable[table] = { ward_rows: wr, all_rows: ar, bytes: b, ward_bytes: wb };
  wardRows += wr; wardBytes += wb;
}
// The period the demo data spans: earliest to latest record of the busiest activity tables.
const span = async (table: string, column: string) => {
  const { rows: [r] } = await sql<{ days: number | null }>`select extract(epoch from max(${sql.ref(column)})::timestamptz - min(${sql.ref(column)})::timestamptz) / 86400 as days
    from ${sql.table(table)} where unit_id = ${ward}`.execute(db);
  return r?.days ? Math.round(Number(r.days)) : null;
};
const spans = { feedback_days: await span('feedback', 'received_at'), dossiers_days: await span('dossiers', 'received_at'),
  centre_tickets_days: await span('centre_tickets', 'day') };
const dbBytes = Number((await sql<{ b: string }>`select pg_database_size(current_database()) as b`.execute(db)).rows[0].b);
const units = (await sql<{ n: string; enabled: string }>`select count(*) as n,
  count(*) filter (where coalesce((settings->>'enabled')::boolean, true)) as enabled from units`.execute(db)).rows[0];

const app = await buildApp(rt, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
await load(`${base}/chu-van-an/`, 1, 4);
const routes = {
  home: '/chu-van-an/', procedures: '/chu-van-an/thu-tuc', public_feedback: '/chu-van-an/phan-anh/cong-khai',
  queue_state_api: '/api/v1/units/chu-van-an/queue/state', scorecard_api: '/api/v1/units/chu-van-an/scorecard', healthz: '/healthz',
};
const throughput: Record<string, unknown> = {};
for (const [name, url] of Object.entries(routes)) throughput[name] = await load(`${base}${url}`, seconds, concurrency);

const top = Object.entries(perTable).sort((a, b) => b[1].ward_bytes - a[1].ward_bytes).slice(0, 12)
  .map(([table, v]) => ({ table, ...v }));
console.log(JSON.stringify({
  benchmark: 'capacity', at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), load_avg_1m: os.loadavg()[0] },
  units, database_bytes: dbBytes, demo_ward: { rows: wardRows, bytes: wardBytes, tenant_tables: tables.length, spans, largest_tables: top },
  seconds, concurrency, throughput,
}));
await app.close();
await rt.close().catch(() => {});
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
