// Durable feedback submissions per second: 50 concurrent clients POST JSON to
// /api/v1/units/chu-van-an/feedback on the embedded database (fsync on, rate limits off), then
// every acknowledged code (201) is looked up to prove nothing acknowledged was lost.
// Prints one JSON object. Usage: npx tsx bench/feedback.ts [seconds=10] [concurrency=50]
import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';

process.env.THANTHIEN_MODULES ??= 'feedback'; // only this module's tables and demo data
const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 50);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-feedback-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rt = await openRuntime(config, quiet, { poolSize: Number(process.env.BENCH_POOL ?? 24) });
await prepareDatabase(rt, quiet, { demo: true });
const app = await buildApp(rt, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency + 8 });
const CATEGORIES = ['infrastructure', 'environment', 'security', 'procedure', 'suggestion', 'other'];

function submit(body: string): Promise<{ status: number; code: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/units/chu-van-an/feedback', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, code: res.statusCode === 201 ? (JSON.parse(text).code as string) : null });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const payload = (client: number, n: number) => JSON.stringify({
  category: CATEGORIES[(client + n) % CATEGORIES.length],
  content: `Phản ánh thử tải số ${n} của người dùng ${client}: đèn đường ngõ ${client % 90} bị hỏng, đề nghị sửa.`,
  ...(n % 3 === 0 ? { email: `nguoi${client}@example.vn` } : {}),
  ...(n % 4 === 0 ? { lat: 20.85 + client / 1000, lng: 106.68 } : {}),
});

async function run(secs: number, tag: string) {
  const latencies: number[] = [];
  const codes: string[] = [];
  let errors = 0;
  const end = performance.now() + secs * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, client) => {
    for (let n = 0; performance.now() < end; n++) {
      const s = performance.now();
      try {
        const r = await submit(payload(client, n + (tag === 'warm' ? 1e6 : 0)));
        latencies.push(performance.now() - s);
        if (r.code) codes.push(r.code);
        else errors++;
      } catch { errors++; }
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100;
  return { acknowledged: codes.length, codes, elapsed, per_s: Math.round(codes.length / elapsed), p50: pct(0.5), p99: pct(0.99), errors };
}

/** The same clients on a route without database work: the ceiling the machine allows right now. */
async function baselineGet(secs: number) {
  let n = 0;
  const end = performance.now() + secs * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      await new Promise<void>((resolve, reject) => http.get({ host: '127.0.0.1', port, path: '/api/v1/units/chu-van-an/feedback/categories', agent },
        (res) => { res.resume(); res.on('end', () => resolve()); }).on('error', reject));
      n++;
    }
  }));
  return Math.round(n / ((performance.now() - t0) / 1000));
}

await run(1, 'warm');
const baseline = await baselineGet(3);
const r = await run(seconds, 'main');
await app.close(); // every acknowledged request has answered; now look for each code
const found = new Set<string>();
for (let i = 0; i < r.codes.length; i += 5000) {
  const chunk = r.codes.slice(i, i + 5000);
  const { rows } = await sql<{ code: string }>`select f.code from feedback f join feedback_codes c on c.code = f.code
    where f.code = any(${chunk}::text[])`.execute(rt.ownerDb);
  for (const row of rows) found.add(row.code);
}
const missing = r.codes.filter((c) => !found.has(c)).length;
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({
  benchmark: 'feedback-submit', seconds, concurrency, acknowledged: r.acknowledged, submissions_per_s: r.per_s,
  p50_ms: r.p50, p99_ms: r.p99, errors: r.errors, unique_codes: new Set(r.codes).size, missing_after_run: missing,
  baseline_get_per_s: baseline, load_average: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length,
  durable: 'fsync on, synchronous_commit on (embedded PostgreSQL)', target_per_s: 1000, meets_target: r.per_s >= 1000 && missing === 0,
}));
process.exit(0);
