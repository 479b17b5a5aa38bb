// Soak test (issue 11): the real server (`node bin/thanthien.js start`, embedded PostgreSQL, demo
// ward, rate limits off) under a mixed load for 10 minutes — public pages, catalogue search,
// feedback submissions, look-ups by tracking code, staff pages behind a login. Samples the
// server's resident memory (RSS, /proc) every second and every request's latency.
// Prints one JSON object; exits 1 when RSS grew by 10 % or more after the warm-up, when the p99
// latency of the last minute is more than twice that of the first minute (and at least 25 ms
// worse: a slack against scheduler noise on tiny latencies), or on any 5xx / network error.
// Usage: npx tsx bench/soak.ts [--minutes N] [--short] [--rss-limit PCT] [--concurrency C] [--warmup S]
//   --short: 30 s (10 s warm-up, then 20 s measured, "minutes" of 10 s each). Warm-up otherwise: 20 % (at most 2 min).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/core/embedded-postgres.js';
import { DEMO_PASSWORD } from '../src/core/seed/demo-ward.js';
import { percentile } from './lib.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const short = args.includes('--short');
const minutes = Number(opt('--minutes') ?? (short ? 0.5 : 10));
const concurrency = Number(opt('--concurrency') ?? 8);
const totalS = minutes * 60;
const warmupS = Number(opt('--warmup') ?? (short ? 10 : Math.min(120, totalS * 0.2)));
// The comparison windows: the first and the last minute after warm-up (10 s each in a short run).
// 10 s windows sit inside garbage-collection swings of ±40 MB: the short form only catches gross leaks.
const rssLimitPct = Number(opt('--rss-limit') ?? (short ? 30 : 10));
const windowS = Number(opt('--window') ?? Math.min(60, (totalS - warmupS) / 2));
const extraEnv = process.env.SOAK_SERVER_ENV ?? ''; // "NAME=value,NAME2=value": extra variables for the server under test

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-soak-'));
chmodSync(dataDir, 0o755); // the postgres system user must reach the cluster folder
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', THANTHIEN_RATE_LIMIT: 'off', THANTHIEN_JOBS: 'off',
  THANTHIEN_QUEUE_HOURS: 'off', LOG_LEVEL: 'warn', ...Object.fromEntries(extraEnv.split(',').filter(Boolean).map((kv) => kv.split('='))),
};
delete env.DATABASE_URL;
const server = spawn('node', ['bin/thanthien.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOut = '';
server.stdout!.on('data', (d) => { serverOut += d; });
server.stderr!.on('data', (d) => { serverOut += d; });
const stopServer = async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
};
const t0 = Date.now();
while (!serverOut.includes('đang chạy tại')) {
  if (server.exitCode !== null || Date.now() - t0 > 300_000) {
    console.error(serverOut);
    await stopServer();
    process.exit(2);
  }
  await new Promise((r) => setTimeout(r, 200));
}
const startupS = (Date.now() - t0) / 1000;

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency + 4 });
interface Answer { status: number; body: string; cookies: string[] }
function request(method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method, agent,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

// A staff session for the staff pages (the demo leader).
const login = await request('POST', '/api/v1/auth/login', {}, JSON.stringify({ username: 'lanhdao', password: DEMO_PASSWORD }));
if (login.status !== 200) { console.error(`login: ${login.status} ${login.body}`); await stopServer(); process.exit(2); }
const staff = { cookie: login.cookies.map((c) => c.split(';')[0]).join('; ') };

const codes: string[] = [];
const SEARCHES = ['khai sinh', 'chứng thực', 'ket hon', 'đất đai', 'hộ kinh doanh', 'xác nhận cư trú'];
type Step = (i: number) => Promise<Answer>;
const steps: { name: string; weight: number; run: Step }[] = [
  { name: 'home', weight: 3, run: () => request('GET', '/chu-van-an/') },
  { name: 'catalogue', weight: 2, run: () => request('GET', '/chu-van-an/thu-tuc') },
  { name: 'search', weight: 3, run: (i) => request('GET', `/chu-van-an/thu-tuc?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`) },
  { name: 'feedback-board', weight: 1, run: () => request('GET', '/chu-van-an/phan-anh/cong-khai') },
  {
    name: 'feedback-submit', weight: 2, run: async (i) => {
      const a = await request('POST', '/api/v1/units/chu-van-an/feedback', {}, JSON.stringify({
        category: 'infrastructure', content: `Phản ánh thử độ bền số ${i}: đèn đường ngõ ${i % 50} bị hỏng, đề nghị sửa sớm.`,
      }));
      if (a.status === 201) { codes.push(JSON.parse(a.body).code); if (codes.length > 500) codes.shift(); }
      return a;
    },
  },
  { name: 'lookup-api', weight: 2, run: (i) => request('GET', `/api/v1/feedback/${codes.length ? codes[i % codes.length] : 'PA-2026-0000000000'}`) },
  { name: 'lookup-page', weight: 1, run: (i) => request('GET', `/chu-van-an/phan-anh/${codes.length ? codes[i % codes.length] : 'PA-2026-0000000000'}`) },
  { name: 'staff-dashboard', weight: 1, run: () => request('GET', '/quan-tri/chu-van-an', staff) },
  { name: 'staff-feedback', weight: 1, run: () => request('GET', '/quan-tri/chu-van-an/phan-anh', staff) },
];
const wheel = steps.flatMap((s) => Array(s.weight).fill(s) as typeof steps);

interface Sample { at: number; ms: number; step: string }
const samples: Sample[] = [];
const rss: { at: number; mb: number }[] = [];
const byStep = new Map<string, { n: number; status: Map<number, number> }>();
let serverErrors = 0;
let networkErrors = 0;
let clientErrors = 0;
const errorDetail: string[] = [];

const rssMb = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};
const loadStart = Date.now();
const elapsed = () => (Date.now() - loadStart) / 1000;
const sampler = setInterval(() => { try { rss.push({ at: elapsed(), mb: rssMb() }); } catch { /* exited */ } }, 1000);

let counter = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (elapsed() < totalS) {
    const i = counter++;
    const step = wheel[i % wheel.length];
    const s = performance.now();
    try {
      const a = await step.run(i);
      const stat = byStep.get(step.name) ?? { n: 0, status: new Map() };
      stat.n++;
      stat.status.set(a.status, (stat.status.get(a.status) ?? 0) + 1);
      byStep.set(step.name, stat);
      if (a.status >= 500) { serverErrors++; if (errorDetail.length < 5) errorDetail.push(`${step.name} ${a.status} ${a.body.slice(0, 120)}`); }
      // A look-up of a code not yet stored may be 404; any other 4xx is a broken scenario.
      else if (a.status >= 400 && !(a.status === 404 && step.name.startsWith('lookup'))) {
        clientErrors++;
        if (errorDetail.length < 5) errorDetail.push(`${step.name} ${a.status} ${a.body.slice(0, 120)}`);
      }
    } catch (err) {
      networkErrors++;
      if (errorDetail.length < 5) errorDetail.push(`${step.name} ${err instanceof Error ? err.message : String(err)}`);
    }
    samples.push({ at: elapsed(), ms: performance.now() - s, step: step.name });
  }
}));
clearInterval(sampler);
const finalRss = rssMb();
await stopServer();

const r1 = (n: number) => Math.round(n * 10) / 10;
const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);
const median = (xs: number[]) => p(xs, 0.5);
const afterWarmup = samples.filter((s) => s.at >= warmupS);
const first = afterWarmup.filter((s) => s.at < warmupS + windowS).map((s) => s.ms);
const last = afterWarmup.filter((s) => s.at >= totalS - windowS).map((s) => s.ms);
// RSS of the first and of the last window after the warm-up: medians of the per-second samples
// (garbage collection makes RSS swing by tens of MB; one sample at a trough would mislead).
const rssStart = median(rss.filter((x) => x.at >= warmupS && x.at < warmupS + windowS).map((x) => x.mb));
const rssEnd = median([...rss.filter((x) => x.at >= totalS - windowS).map((x) => x.mb), finalRss]);
const rssByMinute = Array.from({ length: Math.ceil(totalS / 60) }, (_, m) => r1(median(rss.filter((x) => x.at >= m * 60 && x.at < (m + 1) * 60).map((x) => x.mb))));
const growth = (rssEnd - rssStart) / rssStart * 100;
const p99First = p(first, 0.99);
const p99Last = p(last, 0.99);
const failures: string[] = [];
if (growth >= rssLimitPct) failures.push(`RSS grew ${r1(growth)} % after the warm-up (limit ${rssLimitPct} %)`);
if (p99Last > 2 * p99First && p99Last - p99First > 25) failures.push(`p99 went from ${r1(p99First)} ms to ${r1(p99Last)} ms (limit 2x)`);
if (serverErrors + networkErrors > 0) failures.push(`${serverErrors} 5xx answers and ${networkErrors} network errors`);
if (clientErrors > 0) failures.push(`${clientErrors} unexpected 4xx answers`);

console.log(JSON.stringify({
  benchmark: 'soak', minutes, concurrency, warmup_s: warmupS, window_s: r1(windowS), startup_s: r1(startupS),
  rss_start_mb: r1(rssStart), rss_end_mb: r1(rssEnd), rss_max_mb: r1(Math.max(...rss.map((x) => x.mb))), rss_growth_pct: r1(growth), rss_median_by_minute_mb: rssByMinute,
  p50_ms: r1(p(afterWarmup.map((s) => s.ms), 0.5)), p99_first_minute: r1(p99First), p99_last_minute: r1(p99Last),
  errors: serverErrors + networkErrors, client_errors: clientErrors, requests: samples.length, req_per_s: r1(samples.length / totalS),
  by_step: Object.fromEntries([...byStep].map(([k, v]) => [k, { n: v.n, status: Object.fromEntries(v.status) }])),
  ...(errorDetail.length ? { error_detail: errorDetail } : {}), ok: failures.length === 0, failures, node: process.version,
}));
process.exit(failures.length ? 1 : 0);
