// Guarantee "several instances" (issue 11): two server processes on one database (a clone of the
// test template on the test cluster, used through DATABASE_URL as an external server would be).
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { freePort } from '../../src/core/embedded-postgres.js';
import { startAppProcess, stopGracefully, type AppProcess } from './app-process.js';

export interface Instances { a: AppProcess; b: AppProcess; dbUrl: string; close(): Promise<void> }

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(inject('ttOwnerUrl'));
  url.pathname = '/postgres';
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** Clones the template (migrated, demo ward) and starts two servers on it, one after the other. */
export async function startTwoInstances(env: NodeJS.ProcessEnv): Promise<Instances> {
  const name = `inst_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template tt_template`));
  const url = new URL(inject('ttOwnerUrl'));
  url.pathname = `/${name}`;
  const common = { DATABASE_URL: url.toString(), THANTHIEN_DEMO: '0', ...env };
  const dataDir = inject('ttDataDir');
  const started: AppProcess[] = [];
  const close = async () => {
    await Promise.all(started.map((p) => stopGracefully(p)));
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  };
  try {
    const a = startAppProcess({ dataDir, port: await freePort(), env: common });
    started.push(a);
    await a.ready;
    const b = startAppProcess({ dataDir, port: await freePort(), env: common });
    started.push(b);
    await b.ready;
    return { a, b, dbUrl: url.toString(), close };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}

export interface SseEvent { id: string; event: string; data: any }

/** Listens to a queue display stream; `next(pred)` resolves with the first matching event (already received or later). */
export function listenQueue(base: string, unit = 'chu-van-an') {
  const events: SseEvent[] = [];
  const waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  let ready!: () => void;
  const started = new Promise<void>((r) => { ready = r; });
  const req = http.get(`${base}/api/v1/units/${unit}/queue/stream`, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || !data) continue;
        const e: SseEvent = { id: /^id: (.*)$/m.exec(block)?.[1] ?? '', event, data: JSON.parse(data) };
        events.push(e);
        if (event === 'state') ready();
        for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  return {
    started,
    events,
    next(pred: (e: SseEvent) => boolean, ms = 10_000): Promise<SseEvent | null> {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const w = { pred, resolve: (e: SseEvent | null) => { clearTimeout(timer); resolve(e); } };
        const timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); resolve(null); }, ms);
        waiters.push(w);
      });
    },
    close: () => req.destroy(),
  };
}

export async function loginAs(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrf_token } = await res.json() as { csrf_token: string };
  return { cookie, 'x-csrf-token': csrf_token };
}

/**
 * Feedback items whose deadline passed long ago, so that the daily deadline sweep (`feedback-sla`)
 * escalates each of them to the chairman exactly once. Submitted through instance `base`.
 */
export async function overdueFeedback(base: string, c: pg.Client, n: number, tag: string): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/v1/units/chu-van-an/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'environment', content: `Hai phiên bản ${tag} số ${i}: rác thải tồn đọng ở chợ.` }) });
    if (res.status !== 201) throw new Error(`feedback ${res.status} ${await res.text()}`);
    codes.push((await res.json() as { code: string }).code);
  }
  await c.query(`update feedback set due_date = current_date - 30, received_at = now() - interval '40 days' where code = any($1)`, [codes]);
  return codes;
}

/** Runs of the job and its effect (deadline events per item) so far. */
export async function jobRuns(c: pg.Client, job: string, codes: string[]) {
  const jobs = await c.query<{ minute: string; n: number }>(
    `select to_char(date_trunc('minute', created_on), 'HH24:MI') as minute, count(*)::int as n from pgboss.job
      where name = $1 group by 1 order by 1`, [job]);
  const completed = await c.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [job]);
  const effects = await c.query<{ code: string; action: string; n: number }>(
    `select f.code, e.action, count(*)::int as n from feedback_events e join feedback f on f.id = e.feedback_id
      where f.code = any($1) and (e.action like 'escalate_%' or e.action = 'remind') group by 1, 2`, [codes]);
  const mails = await c.query<{ n: number }>(`select count(*)::int as n from outbox where payload::text like any($1)`, [codes.map((x) => `%${x}%`)]);
  return { perMinute: jobs.rows, completed: completed.rows[0].n, effects: effects.rows, mails: mails.rows[0].n };
}
