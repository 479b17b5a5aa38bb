import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { jobRuns, overdueFeedback, startTwoInstances, type Instances } from './instances.js';
import { waitFor } from './app-process.js';

// Guarantee "several instances", long form: over three cron minutes, with both instances' cron
// monitors and workers active, the job made due every minute is created and run once per minute,
// and items added between runs are each escalated exactly once (one event, one e-mail).
let inst: Instances;
let db: pg.Client;
beforeAll(async () => {
  inst = await startTwoInstances({ THANTHIEN_MODULES: '', THANTHIEN_JOBS: 'on' });
  db = new pg.Client({ connectionString: inst.dbUrl });
  await db.connect();
}, 180_000);
afterAll(async () => { await db?.end(); await inst?.close(); }, 120_000);

test('a job due every minute runs once per minute across both instances for three minutes', { timeout: 420_000 }, async () => {
  const codes = await overdueFeedback(inst.a.url, db, 3, 'dài-1');
  await db.query(`update pgboss.schedule set cron = '* * * * *' where name = 'feedback-sla'`);
  for (let round = 2; round <= 3; round++) {
    const before = (await jobRuns(db, 'feedback-sla', codes)).completed;
    expect(await waitFor(async () => (await jobRuns(db, 'feedback-sla', codes)).completed > before, 120_000, 1000)).toBe(true);
    codes.push(...await overdueFeedback(inst.b.url, db, 2, `dài-${round}`));
  }
  expect(await waitFor(async () => (await jobRuns(db, 'feedback-sla', codes)).effects.length === codes.length, 120_000, 1000)).toBe(true);
  await new Promise((r) => setTimeout(r, 5_000));
  const runs = await jobRuns(db, 'feedback-sla', codes);
  console.log(JSON.stringify({ test: 'instances long', runs }));
  expect(runs.completed).toBeGreaterThanOrEqual(3);
  for (const m of runs.perMinute) expect(m.n, JSON.stringify(runs)).toBe(1);
  expect(runs.effects.map((e) => [e.code, e.action, e.n]).sort()).toEqual(codes.map((c) => [c, 'escalate_chairman', 1]).sort());
  expect(runs.mails).toBe(codes.length);
});
