// Queue display fan-out: SSE clients spread over app instances (LISTEN/NOTIFY between them), N
// calls made through one instance; call→display latency (from sending the call request) and lost events. Some clients drop and
// reconnect with Last-Event-ID half-way, so the replay path is measured too.
// Usage: npx tsx bench/queue-sse.ts [clients=200] [calls=100] [instances=2] [reconnecting=20]
import http from 'node:http';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { sql } from 'kysely';
import { createUser } from '../src/core/auth/accounts.js';
import { withUnit } from '../src/core/tenancy.js';
import { saveCounter, saveService } from '../src/modules/centre/repo/config-repo.js';
import { DEMO_COUNTERS, DEMO_SERVICES } from '../src/modules/centre/seed-config.js';
import { percentile } from './lib.js';

const [clients, calls, instances, reconnecting] = [200, 100, 2, 20].map((d, i) => Number(process.argv[2 + i] ?? d));
const setupStart = performance.now();
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-sse-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rt = await openRuntime(config, quiet, { poolSize: 10 });
// Migrations and reference data only (no demo data of other modules, to keep the run short);
// then the demo ward's services, counters and one centre officer.
await prepareDatabase(rt, quiet, { demo: false });
const { rows: [unit] } = await sql<{ id: string }>`select id from units where slug = 'chu-van-an'`.execute(rt.ownerDb);
await withUnit(rt.ownerDb, unit.id, async (trx) => {
  const ids: Record<string, string> = {};
  for (const s of DEMO_SERVICES) ids[s.code] = await saveService(trx, unit.id, s);
  for (const c of DEMO_COUNTERS) await saveCounter(trx, unit.id, { number: c.number, name: c.name, active: true, service_ids: c.services.map((x) => ids[x]) });
});
const PASSWORD = 'BenchMatKhau2026';
await createUser(rt.ownerDb, { unitId: unit.id, username: 'bench_motcua', displayName: 'Cán bộ một cửa (đo tải)', roles: ['centre_officer'], password: PASSWORD });
const apps = await Promise.all(Array.from({ length: instances }, () => buildApp(rt, { logger: false })));
const bases: string[] = [];
for (const app of apps) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  bases.push(`http://127.0.0.1:${(app.server.address() as any).port}`);
}
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

interface Client { received: Map<string, number>; lastId: string; req: http.ClientRequest | null; ready: Promise<void> }

function connect(c: Client, base: string): void {
  c.ready = new Promise((resolve) => {
    const headers: Record<string, string> = c.lastId ? { 'last-event-id': c.lastId } : {};
    c.req = http.get(`${base}/api/v1/units/chu-van-an/queue/stream`, { agent, headers }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (id) c.lastId = id;
          if (event === 'state') resolve();
          if (event === 'call') {
            const d = JSON.parse(/^data: (.*)$/m.exec(block)![1]);
            if (!c.received.has(d.number)) c.received.set(d.number, performance.now());
          }
        }
      });
      res.on('error', () => undefined);
    });
    c.req.on('error', () => undefined);
  });
}

const all: Client[] = Array.from({ length: clients }, () => ({ received: new Map(), lastId: '', req: null, ready: Promise.resolve() }));
all.forEach((c, i) => connect(c, bases[i % bases.length]));
await Promise.all(all.map((c) => c.ready));

const login = await fetch(`${bases[0]}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_motcua', password: PASSWORD }) });
const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
const { csrf_token } = await login.json() as { csrf_token: string };
const post = (p: string, body: unknown, h: Record<string, string> = {}) =>
  fetch(`${bases[0]}/api/v1/units/chu-van-an/queue${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(body) });
for (let i = 0; i < calls; i++) await post('/tickets', { service: 'ho-tich' });

const setupMs = performance.now() - setupStart;
const sentAt = new Map<string, number>();
const answeredAt = new Map<string, number>();
const dropped = all.slice(0, reconnecting);
const t0 = performance.now();
for (let i = 0; i < calls; i++) {
  if (i === Math.floor(calls / 2)) dropped.forEach((c) => c.req?.destroy());
  if (i === Math.floor(calls / 2) + 5) dropped.forEach((c, k) => connect(c, bases[k % bases.length]));
  const s = performance.now();
  const r = await post('/counters/1/call', {}, { cookie, 'x-csrf-token': csrf_token });
  const { number } = await r.json() as { number: string };
  sentAt.set(number, s);
  answeredAt.set(number, performance.now());
}
const callsMs = performance.now() - t0;
await new Promise((r) => setTimeout(r, 1500));

const latencies: number[] = [];
const afterAnswer: number[] = [];
const lostDetail: string[] = [];
let lost = 0;
for (const [k, c] of all.entries()) {
  for (const [number, s] of sentAt) {
    const got = c.received.get(number);
    if (got === undefined) { lost++; if (lostDetail.length < 5) lostDetail.push(`client ${k}${dropped.includes(c) ? ' (reconnected)' : ''} ${number}`); }
    else if (!dropped.includes(c)) { latencies.push(got - s); afterAnswer.push(got - answeredAt.get(number)!); }
  }
}
latencies.sort((a, b) => a - b);
afterAnswer.sort((a, b) => a - b);
const r2 = (n: number) => Math.round(n * 100) / 100;
console.log(JSON.stringify({
  benchmark: 'queue-sse', clients, instances, calls, reconnecting_clients: reconnecting,
  calls_per_s: r2(calls / (callsMs / 1000)),
  latency_ms: { p50: r2(percentile(latencies, 0.5)), p99: r2(percentile(latencies, 0.99)), max: r2(latencies[latencies.length - 1] ?? 0) },
  // From the moment the call's HTTP answer arrived (the change is committed by then); negative = display first.
  after_call_answer_ms: { p50: r2(percentile(afterAnswer, 0.5)), p99: r2(percentile(afterAnswer, 0.99)) },
  deliveries_expected: clients * calls, lost_events: lost, ...(lost ? { lost_detail: lostDetail } : {}), setup_s: r2(setupMs / 1000),
  target: { p99_ms: 100, lost_events: 0 }, node: process.version,
}));
all.forEach((c) => c.req?.destroy());
for (const app of apps) await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
