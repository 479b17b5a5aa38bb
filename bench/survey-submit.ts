// Survey responses per second with 20 concurrent clients: the no-JS HTML form post (CSRF, full
// validation against the definition, insert) and the JSON API. Each client keeps its own cookies.
// Prints one JSON object. Usage: npx tsx bench/survey-submit.ts [seconds=3] [concurrency=20]
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';
import { centreFormAnswers, centreJsonAnswers, csrfOf, Jar } from '../src/modules/surveys/test-support.js';

process.env.THANTHIEN_MODULES ??= 'surveys'; // only this module's tables and demo data
const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 20);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-surveys-'));
chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rt = await openRuntime(config, quiet);
await prepareDatabase(rt, quiet, { demo: true });
// Measure submission itself, not the one-per-device refusal.
await sql`update surveys set rule = 'none' where slug = 'hai-long-trung-tam'`.execute(rt.ownerDb);
const app = await buildApp(rt, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const FORM = `${base}/chu-van-an/khao-sat/hai-long-trung-tam`;
const API = `${base}/api/v1/units/chu-van-an/surveys/hai-long-trung-tam/responses`;

type Send = () => Promise<number>;

async function formClient(): Promise<Send> {
  const jar = new Jar();
  const res = await fetch(FORM);
  jar.take(res);
  const csrf = csrfOf(await res.text());
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(centreFormAnswers('4'))) body.append(k, String(v));
  const text = body.toString();
  return async () => {
    const r = await fetch(FORM, { method: 'POST', body: text, redirect: 'manual', headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' } });
    await r.arrayBuffer();
    return r.status;
  };
}

async function apiClient(): Promise<Send> {
  const text = JSON.stringify({ answers: centreJsonAnswers(4), channel: 'app' });
  return async () => {
    const r = await fetch(API, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
    await r.arrayBuffer();
    return r.status;
  };
}

async function run(make: () => Promise<Send>, okStatus: number, secs = seconds) {
  const clients = await Promise.all(Array.from({ length: concurrency }, make));
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + secs * 1000;
  const t0 = performance.now();
  await Promise.all(clients.map(async (send) => {
    while (performance.now() < end) {
      const s = performance.now();
      const status = await send();
      latencies.push(performance.now() - s);
      if (status !== okStatus) errors++;
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1));
  return { responses: latencies.length, responses_per_s: Math.round(latencies.length / elapsed), p50_ms: pct(0.5), p99_ms: pct(0.99), errors };
}

const before = (await sql<{ n: number }>`select count(*)::int as n from survey_responses`.execute(rt.ownerDb)).rows[0].n;
await run(formClient, 303, 1); // warm-up
const form = await run(formClient, 303);
const api = await run(apiClient, 201);
const after = (await sql<{ n: number }>`select count(*)::int as n from survey_responses`.execute(rt.ownerDb)).rows[0].n;
console.log(JSON.stringify({
  benchmark: 'survey-submit', seconds, concurrency, html_form: form, json_api: api,
  stored_responses: after - before, node: process.version,
}));
await app.close();
process.on('uncaughtException', () => { rmSync(dataDir, { recursive: true, force: true }); process.exit(0); });
await rt.close().catch(() => {});
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
