import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/core/config.js';
import { openRuntime, type Runtime } from '../../src/core/runtime.js';
import { buildApp } from '../../src/app.js';
import { DEMO_PASSWORD } from '../../src/core/seed/demo-ward.js';
import { createUser } from '../../src/core/auth/accounts.js';
import { startOutboxWorker } from '../../src/core/outbox-worker.js';
import { createTransport } from '../../src/core/mail.js';
import type { Role } from '../../src/core/module.js';

const TEMPLATE_DB = 'tt_template';
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

export interface Session { cookie: string; csrf: string; headers: Record<string, string> }

export interface TestApp {
  url: string;
  app: FastifyInstance;
  /** Owner connection (bypasses RLS): arrange and inspect data. */
  db: Kysely<any>;
  /** App-role connection (RLS applies). */
  appDb: Kysely<any>;
  rt: Runtime;
  unitId(slug?: string): Promise<string>;
  /** Logs in through the API; `who` is a demo username (lanhdao, motcua, vanhoa, mattran, thanhtra, xem) or an account made by createStaff. */
  login(who: string, password?: string): Promise<Session>;
  createStaff(role: Role, unitSlug?: string): Promise<{ username: string; password: string }>;
  /** Delivers pending outbox rows now (emails, events). */
  drainOutbox(): Promise<void>;
  close(): Promise<void>;
}

async function cloneTemplate(ownerUrl: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await c.end();
  }
  return name;
}

async function dropDatabase(ownerUrl: string, name: string) {
  const admin = new URL(ownerUrl);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/**
 * A running app on a random port with its own database cloned from the migrated template
 * (reference data + demo ward). `env` overrides configuration (e.g. SMTP_URL, THANTHIEN_RATE_LIMIT).
 */
export async function startTestApp(opts: { env?: NodeJS.ProcessEnv; outbox?: boolean; routeDatabase?: (url: URL) => URL } = {}): Promise<TestApp> {
  const ownerUrl = inject('ttOwnerUrl');
  const database = await cloneTemplate(ownerUrl);
  const url = new URL(ownerUrl);
  url.pathname = `/${database}`;
  // routeDatabase: e.g. through a TCP proxy that a test can cut (database outage tests).
  // Tests run at any hour: the queue's opening hours are off unless a test turns them on (THANTHIEN_QUEUE_HOURS: 'on').
  const config = loadConfig({
    DATA_DIR: inject('ttDataDir'), DATABASE_URL: (opts.routeDatabase?.(new URL(url)) ?? url).toString(), THANTHIEN_JOBS: 'off', LOG_LEVEL: 'warn',
    THANTHIEN_QUEUE_HOURS: 'off', ...opts.env,
  });
  const rt = await openRuntime(config, quiet, { database, poolSize: 10 });
  const app = await buildApp(rt, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  (config as any).publicUrl = base;
  const transport = createTransport(config.smtpUrl);
  const outbox = opts.outbox === false ? null : startOutboxWorker(rt.ownerDb, transport, config.mailFrom, app.realtime, { warn: () => {}, info: () => {} });
  let n = 0;

  const t: TestApp = {
    url: base, app, db: rt.ownerDb, appDb: rt.db, rt,
    async unitId(slug = 'chu-van-an') {
      const { rows } = await sql<{ id: string }>`select id from units where slug = ${slug}`.execute(rt.ownerDb);
      if (!rows[0]) throw new Error(`no unit ${slug}`);
      return rows[0].id;
    },
    async login(who, password = DEMO_PASSWORD) {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who, password }) });
      if (res.status !== 200) throw new Error(`login ${who} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
      const { csrf_token } = await res.json() as { csrf_token: string };
      return { cookie, csrf: csrf_token, headers: { cookie, 'x-csrf-token': csrf_token } };
    },
    async createStaff(role, unitSlug = 'chu-van-an') {
      const username = `test_${role}_${++n}_${randomBytes(2).toString('hex')}`;
      const password = 'MatKhauThu123';
      await createUser(rt.ownerDb, { unitId: await t.unitId(unitSlug), username, displayName: `Cán bộ thử ${n}`, roles: [role], password });
      return { username, password };
    },
    async drainOutbox() { await outbox?.drain(); },
    async close() {
      outbox?.stop();
      // A request or query still running at the end of a file must not hang the hook: after a grace
      // period the sockets are cut, and dropping the database (WITH FORCE) ends any stuck backend.
      const cut = setTimeout(() => app.server.closeAllConnections(), 5_000);
      await app.close();
      clearTimeout(cut);
      const closed = rt.close();
      const stuck = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000).unref())]);
      await dropDatabase(ownerUrl, database);
      if (stuck) await closed.catch(() => undefined);
    },
  };
  return t;
}

/** Fetches a page and returns the CSRF cookie and token for an anonymous form post. */
export async function anonymousForm(url: string): Promise<{ cookie: string; csrf: string; html: string }> {
  const res = await fetch(url);
  const html = await res.text();
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, csrf, html };
}

/**
 * One app for all the tests of a file: started before them, closed after them. Call the returned
 * function inside a test: `const app = useTestApp(); it('…', async () => { const t = app(); … })`.
 */
export function useTestApp(opts: Parameters<typeof startTestApp>[0] = {}): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => { t = await startTestApp(opts); });
  afterAll(async () => { await t?.close(); });
  return () => {
    if (!t) throw new Error('the test app has not started');
    return t;
  };
}

/** A test app with `who` (a demo username) logged in through the API: the one logged-in-app helper for tests. */
export async function startLoggedInApp(who: string, opts: Parameters<typeof startTestApp>[0] = {}): Promise<{ t: TestApp; session: Session }> {
  const t = await startTestApp(opts);
  return { t, session: await t.login(who) };
}
