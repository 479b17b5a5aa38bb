// Requests/s and latency of the transparency module's busiest public endpoints (directory JSON,
// committee ICS feed, statistics JSON and page with two SSR charts, vCard), beside a bare Fastify
// hello-world measured in the same run. Usage: npx tsx bench/transparency.ts [seconds=3] [concurrency=16]
import Fastify from 'fastify';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { load } from './lib.js';

const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 16);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rt = await openRuntime(config, quiet);
await prepareDatabase(rt, quiet, { demo: true });
const app = await buildApp(rt, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as any).port}`;

const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 0, host: '127.0.0.1' });
const helloUrl = `http://127.0.0.1:${(hello.server.address() as any).port}/`;

const year = new Date().getUTCFullYear() - 1; // a full year of seeded figures
const targets: Record<string, string> = {
  directory_json: `${base}/api/v1/units/chu-van-an/directory`,
  directory_vcf_all: `${base}/chu-van-an/danh-ba/tat-ca.vcf`,
  calendar_ics: `${base}/api/v1/units/chu-van-an/calendar.ics`,
  stats_json: `${base}/api/v1/units/chu-van-an/stats/online?year=${year}`,
  stats_page_svg: `${base}/chu-van-an/thong-ke?nam=${year}`,
  directory_page: `${base}/chu-van-an/danh-ba`,
};

for (const url of Object.values(targets)) await load(url, 0.5, 4); // warm up
const helloWorld = await load(helloUrl, seconds, concurrency);
const results: Record<string, unknown> = {};
for (const [name, url] of Object.entries(targets)) {
  const r = await load(url, seconds, concurrency);
  results[name] = { ...r, vs_hello_ratio: Math.round((r.req_per_s / helloWorld.req_per_s) * 1000) / 1000 };
}
console.log(JSON.stringify({ benchmark: 'transparency', seconds, concurrency, hello_world: helloWorld, ...results, node: process.version }));
await hello.close();
await app.close();
// The embedded server's stop callback can throw after the result is printed; the result stands.
process.on('uncaughtException', () => { rmSync(dataDir, { recursive: true, force: true }); process.exit(0); });
await rt.close().catch(() => {});
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
