import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/core/seed/demo-ward.js';
import { jobRuns, listenQueue, loginAs, overdueFeedback, startTwoInstances, type Instances } from './instances.js';
import { waitFor } from './app-process.js';

// Guarantee "several instances" (issue 11), short form: two server processes on one database.
// A queue number taken and called on instance A reaches the display stream served by instance B;
// the daily deadline sweep, made due every minute, runs once across both instances and its effect
// (one escalation event and one e-mail per overdue item) is not doubled. The long form
// (instances.long.test.ts) watches the job over several minutes.
let inst: Instances;
let db: pg.Client;
beforeAll(async () => {
  inst = await startTwoInstances({ THANTHIEN_MODULES: '', THANTHIEN_JOBS: 'on' });
  db = new pg.Client({ connectionString: inst.dbUrl });
  await db.connect();
}, 180_000);
afterAll(async () => { await db?.end(); await inst?.close(); }, 120_000);

test('a queue number taken and called on instance A appears on the display served by instance B', { timeout: 60_000 }, async () => {
  const display = listenQueue(inst.b.url);
  try {
    await display.started;
    const take = await fetch(`${inst.a.url}/api/v1/units/chu-van-an/queue/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'ho-tich' }) });
    expect(take.status).toBe(201);
    const { number } = await take.json() as { number: string };
    const ticket = await display.next((e) => e.event === 'ticket' && e.data.number === number);
    expect(ticket, JSON.stringify(display.events.slice(-5))).not.toBeNull();
    const state = await (await fetch(`${inst.b.url}/api/v1/units/chu-van-an/queue/state`)).json() as { waiting: Record<string, number> };
    expect(state.waiting[number[0]]).toBeGreaterThanOrEqual(1);

    const officer = await loginAs(inst.a.url, 'motcua', DEMO_PASSWORD);
    let called = '';
    for (let i = 0; i < 50 && called !== number; i++) { // older demo numbers of the day may be ahead of ours
      const r = await fetch(`${inst.a.url}/api/v1/units/chu-van-an/queue/counters/1/call`, { method: 'POST', headers: officer });
      if (r.status !== 200) break;
      called = (await r.json() as { number: string }).number;
    }
    expect(called).toBe(number);
    const call = await display.next((e) => e.event === 'call' && e.data.number === number);
    expect(call, JSON.stringify(display.events.slice(-5))).not.toBeNull();
    expect(call!.data.counter).toBe(1);
  } finally {
    display.close();
  }
});

test('a scheduled job runs once across both instances, its effect is not doubled', { timeout: 120_000 }, async () => {
  const codes = await overdueFeedback(inst.a.url, db, 3, 'ngắn');
  // The daily sweep (07:30) becomes due every minute; both instances run pg-boss workers and cron monitors.
  await db.query(`update pgboss.schedule set cron = '* * * * *' where name = 'feedback-sla'`);
  expect(await waitFor(async () => (await jobRuns(db, 'feedback-sla', codes)).completed >= 1, 90_000, 1000)).toBe(true);
  await new Promise((r) => setTimeout(r, 5_000)); // a second run in the same minute would be done by now
  const runs = await jobRuns(db, 'feedback-sla', codes);
  console.log(JSON.stringify({ test: 'instances short', runs }));
  for (const m of runs.perMinute) expect(m.n, JSON.stringify(runs)).toBe(1);
  expect(runs.effects.map((e) => [e.code, e.action, e.n]).sort()).toEqual(codes.map((c) => [c, 'escalate_chairman', 1]).sort());
  expect(runs.mails).toBe(codes.length);
});
