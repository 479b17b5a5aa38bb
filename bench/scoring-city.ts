/**
 * City ranking of the scoring module: the whole app with its demo data (the demo ward measured
 * from its records; the other units of Hải Phòng with a year of reported figures each, as the
 * demo seed generates them), then the ranking timed three ways: the scoring service alone, the
 * JSON API (`/api/v1/scorecards`) and the staff HTML page (`/quan-tri/hai-phong/tieu-chi`,
 * logged in as a city account). A second pass enables every unit, so that all 114 are measured
 * live through every installed module's indicator source. Prints one JSON object.
 * Usage: npx tsx bench/scoring-city.ts [requests]
 */
import { sql } from 'kysely';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { DEMO_PASSWORD } from '../src/core/seed/demo-ward.js';
import { indicatorDefinitions } from '../src/core/providers.js';
import { cityRanking } from '../src/modules/scoring/service.js';
import * as repo from '../src/modules/scoring/repo.js';
import { percentile } from './lib.js';

const requests = Number(process.argv[2] ?? 20);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-scoring-'));
chmodSync(dataDir, 0o755);
const rt = await openRuntime(loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' }), quiet);

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { n: s.length, p50_ms: r(percentile(s, 0.5)), p90_ms: r(percentile(s, 0.9)), max_ms: r(s.at(-1) ?? 0) };
};
async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    out.push(performance.now() - s);
  }
  return out;
}

try {
  const seedStart = performance.now();
  await prepareDatabase(rt, quiet, { demo: true });
  const prepareS = (performance.now() - seedStart) / 1000;
  const app = await buildApp(rt, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thanhpho', password: DEMO_PASSWORD }) });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const city = (await repo.unitBySlug(rt.db, 'hai-phong'))!;
  const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  const units = (await repo.unitsUnder(rt.db, city.id)).length;
  const reportedRows = Number((await sql<{ n: string }>`select count(*) as n from scoring_reported_values where year = ${year}`.execute(rt.ownerDb)).rows[0].n);

  const measure = async () => {
    let ranked = 0;
    // CPU time of this process for the service calls: what the ranking costs on a machine not shared with others.
    const cpu0 = process.cpuUsage();
    const service = await timed(requests, async () => { ranked = (await cityRanking(rt.db, city, year)).units.length; });
    const cpu = process.cpuUsage(cpu0);
    const serviceCpuMs = Math.round((cpu.user + cpu.system) / 1000 / (requests + 1));
    const api = await timed(requests, async () => { const r = await fetch(`${base}/api/v1/scorecards?year=${year}`); if (r.status !== 200) throw new Error(`api ${r.status}`); await r.text(); });
    let htmlBytes = 0;
    const html = await timed(requests, async () => {
      const r = await fetch(`${base}/quan-tri/hai-phong/tieu-chi?nam=${year}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`page ${r.status}`);
      htmlBytes = (await r.text()).length;
    });
    return { ranked, service: { ...stats(service), cpu_ms_per_ranking: serviceCpuMs }, api: stats(api), page: { ...stats(html), html_bytes: htmlBytes } };
  };
  // One database round trip under the same load, to read the figures below against.
  const roundTrip = stats(await timed(50, () => sql`select 1`.execute(rt.db)));
  const demo = await measure();
  const enabledBefore = Number((await sql<{ n: string }>`select count(*) as n from units where parent_id = ${city.id}
    and coalesce((settings->>'enabled')::boolean, true)`.execute(rt.ownerDb)).rows[0].n);
  await sql`update units set settings = settings || '{"enabled": true}'::jsonb where parent_id = ${city.id}`.execute(rt.ownerDb);
  const allLive = await measure();
  const result = {
    units, year, requests, db_round_trip: roundTrip, prepare_database_s: Math.round(prepareS * 10) / 10, reported_values_rows: reportedRows,
    indicator_sources: new Set(indicatorDefinitions().map((d) => d.module)).size,
    demo: { units_measured_live: enabledBefore, ...demo },
    all_units_live: { units_measured_live: units, ...allLive },
    under_1s: demo.page.p90_ms < 1000 && demo.api.p90_ms < 1000,
    // The reference machine is shared: the 1-minute load average says how busy it was during the run.
    load_average_1m: Math.round(os.loadavg()[0] * 10) / 10, cpus: os.cpus().length,
  };
  await app.close();
  console.log(JSON.stringify(result));
} finally {
  await rt.close().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
