// Cold start to a served home page: `node bin/thanthien.js start` on a fresh DATA_DIR (first start:
// initdb, migrations, reference data, demo ward), then again on the same DATA_DIR (later starts).
// Each start is timed from spawn until GET /chu-van-an/ answers 200, then stopped with SIGINT.
// Usage: npx tsx bench/startup.ts [later starts=3] [--vs-tsx]
// --vs-tsx: each later start is paired with one through tsx (THANTHIEN_PRECOMPILE=0, no start-up
// cache), alternating, so that the ratio holds on a machine whose load drifts.
// --fresh-cache: removes this checkout's start-up cache (node_modules/.cache/thanthien/…) before the first start,
// as on a clean clone, so that the first start includes compiling it.
// Env: STARTUP_KEEP_DATA=<dir> reuses (and keeps) that DATA_DIR, so only later starts are measured.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './lib.js';
import { cacheDirOf } from '../bin/precompile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const laterRuns = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
const vsTsx = process.argv.includes('--vs-tsx');
const freshCache = process.argv.includes('--fresh-cache');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface StartResult { seconds: number; stop_seconds: number; phases: string; exit: number | null }

async function startOnce(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<StartResult> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'thanthien.js'), 'start'], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let done = false;
  void exited.then(() => { done = true; });
  const url = `http://127.0.0.1:${port}/chu-van-an/`;
  for (;;) {
    if (done) throw new Error(`start exited early:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  const seconds = (performance.now() - t0) / 1000;
  const s0 = performance.now();
  child.kill('SIGINT');
  const exit = await exited;
  const phases = /đang chạy tại \S+ \(khởi động ([^)]*)\)/.exec(output)?.[1] ?? '';
  return { seconds: round(seconds), stop_seconds: round((performance.now() - s0) / 1000), phases, exit };
}

const round = (n: number) => Math.round(n * 100) / 100;

const keep = process.env.STARTUP_KEEP_DATA;
const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'tt-startup-'));
chmodSync(dataDir, 0o755); // the postgres system user must reach the cluster folder
try {
  const fresh = !existsSync(path.join(dataDir, 'db', 'PG_VERSION'));
  if (freshCache) rmSync(cacheDirOf(root), { recursive: true, force: true });
  const first = fresh ? await startOnce(dataDir) : null;
  const later: StartResult[] = [];
  const tsx: StartResult[] = [];
  for (let i = 0; i < laterRuns; i++) {
    later.push(await startOnce(dataDir));
    if (vsTsx) tsx.push(await startOnce(dataDir, { THANTHIEN_PRECOMPILE: '0' }));
  }
  const median = (rs: StartResult[]) => (rs.length ? percentile(rs.map((r) => r.seconds).sort((a, b) => a - b), 0.5) : null);
  const ratios = tsx.map((r, i) => later[i].seconds / r.seconds).sort((a, b) => a - b);
  console.log(JSON.stringify({
    benchmark: 'startup',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    loadavg_1m: round(os.loadavg()[0]),
    first_start_s: first?.seconds ?? null,
    later_start_s: median(later),
    later_starts_s: later.map((r) => r.seconds),
    ...(vsTsx ? {
      later_start_tsx_s: median(tsx),
      later_starts_tsx_s: tsx.map((r) => r.seconds),
      cache_vs_tsx_ratio: round(percentile(ratios, 0.5)),
    } : {}),
    first_phases: first?.phases ?? null,
    later_phases: later.map((r) => r.phases),
    stop_s: later.map((r) => r.stop_seconds),
    clean_exits: [first, ...later, ...tsx].filter(Boolean).every((r) => r!.exit === 0),
    limits_s: { first: 10, later: 3 },
  }));
} finally {
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}
