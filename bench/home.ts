// Requests/s and latency of the unit home page and /healthz, beside a bare Fastify hello-world
// measured in the same run. Usage: npx tsx bench/home.ts [seconds=5] [concurrency=32]
import Fastify from 'fastify';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { load } from './lib.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 32);
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

await load(`${base}/chu-van-an/`, 1, 8); // warm up
const helloWorld = await load(helloUrl, seconds, concurrency);
const home = await load(`${base}/chu-van-an/`, seconds, concurrency);
const healthz = await load(`${base}/healthz`, seconds, concurrency);
console.log(JSON.stringify({
  benchmark: 'home', seconds, concurrency, hello_world: helloWorld, home, healthz,
  home_vs_hello_ratio: Math.round((home.req_per_s / helloWorld.req_per_s) * 1000) / 1000,
  healthz_vs_hello_ratio: Math.round((healthz.req_per_s / helloWorld.req_per_s) * 1000) / 1000,
}));
await hello.close();
await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
