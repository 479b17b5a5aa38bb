/**
 * Procedure assistant answer time without a language model on a 2,000-procedure catalogue (the 59
 * real ones plus generated variants), through the real route with app.inject, sequentially.
 * Questions: the shared development questions and the assistant's own evaluation set. Prints one
 * JSON object. `npx tsx bench/assistant.ts [requests=300]`
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { buildLargeCatalogue } from './search-catalogue.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const here = path.dirname(new URL(import.meta.url).pathname);
const questions: string[] = [path.join(here, '../test/search-quality/questions-dev.json'), path.join(here, '../test/assistant/questions-own.json')]
  .flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).map((q: { q: string }) => q.q));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thanthien-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'error' });
  const rt = await openRuntime(config, quiet, { database: 'bench', poolSize: 8 });
  try {
    await prepareDatabase(rt, quiet, { demo: false });
    const unit = await rt.ownerDb.selectFrom('units').select(['id']).where('slug', '=', 'chu-van-an').executeTakeFirstOrThrow();
    const size = await buildLargeCatalogue(rt.ownerDb, unit.id, 2000);
    const app = await buildApp(rt, { logger: false });
    await app.ready();
    const askOnce = async (question: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/units/chu-van-an/assistant/ask', payload: { question } });
      if (res.statusCode !== 200) throw new Error(`${question} → ${res.statusCode} ${res.body}`);
      return performance.now() - t0;
    };
    for (const q of questions.slice(0, 30)) await askOnce(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await askOnce(questions[i % questions.length]));
    times.sort((a, b) => a - b);
    await app.close();
    console.log(JSON.stringify({
      bench: 'assistant', catalogue_size: size, requests: REQUESTS, model: 'none',
      p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), p99_ms: round(percentile(times, 99)), max_ms: round(times.at(-1)!),
      target_p95_ms: 100, meets_target: percentile(times, 95) < 100,
    }));
  } finally {
    await rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
