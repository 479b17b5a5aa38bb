import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import path from 'node:path';
import type { Config } from './config.js';
import { deriveSecret } from './secrets.js';
import { serverPidFile, startEmbeddedCluster, type RunningCluster } from './embedded-postgres.js';

// Counts come back as bigint strings and dates as Date objects unless told otherwise.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export const APP_ROLE = 'thanthien_app';

export interface DatabaseEndpoints {
  ownerUrl: string;
  appUrl: string;
  cluster?: RunningCluster;
  close(): Promise<void>;
}

interface Log { info(msg: string): void; warn(msg: string): void; debug(msg: string): void }

/** `asServer`: the caller is the server (`start`), which owns the embedded cluster and stops it on exit. */
export async function openDatabaseEndpoints(config: Config, log: Log, database = 'thanthien', asServer = false): Promise<DatabaseEndpoints> {
  const appPassword = deriveSecret(config.dataDir, 'role:' + APP_ROLE);
  if (config.databaseUrl) {
    const owner = new URL(config.databaseUrl);
    const app = new URL(config.databaseAppUrl ?? config.databaseUrl);
    if (!config.databaseAppUrl) {
      app.username = APP_ROLE;
      app.password = appPassword;
    }
    return { ownerUrl: owner.toString(), appUrl: app.toString(), close: async () => {} };
  }
  const ownerPassword = deriveSecret(config.dataDir, 'role:owner');
  const cluster = await startEmbeddedCluster(path.join(config.dataDir, 'db'), ownerPassword, log, asServer ? serverPidFile(config.dataDir) : undefined);
  const base = `127.0.0.1:${cluster.port}/${database}`;
  const ownerUrl = `postgres://postgres:${encodeURIComponent(ownerPassword)}@${base}`;
  await ensureDatabaseExists(ownerUrl, database);
  return {
    ownerUrl,
    appUrl: `postgres://${APP_ROLE}:${encodeURIComponent(appPassword)}@${base}`,
    cluster,
    close: () => cluster.stop(),
  };
}

export async function ensureDatabaseExists(ownerUrl: string, database: string): Promise<void> {
  const adminUrl = new URL(ownerUrl);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Creates or updates the login role the app runs as: never superuser, never BYPASSRLS. */
export async function ensureAppRole(owner: Kysely<any>, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const ident = sql.id(role);
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`select rolsuper, rolbypassrls from pg_roles where rolname = ${role}`.execute(owner);
  const fine = rows[0] && !rows[0].rolsuper && !rows[0].rolbypassrls && await canLogin(appUrl);
  if (!fine) {
    // Roles are shared by every database of the server: another installation or test database
    // may be doing the same right now, so retry a concurrent update.
    for (let attempt = 0; ; attempt++) {
      try {
        const exists = (await sql`select 1 from pg_roles where rolname = ${role}`.execute(owner)).rows.length > 0;
        if (!exists) await sql`create role ${ident} login nosuperuser nobypassrls nocreatedb nocreaterole`.execute(owner);
        await sql`alter role ${ident} with login nosuperuser nobypassrls password ${sql.lit(password)}`.execute(owner);
        break;
      } catch (err) {
        if (attempt >= 4 || !/concurrently|already exists/.test(String((err as Error).message))) throw err;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  }
  const db = (await sql<{ d: string }>`select current_database() as d`.execute(owner)).rows[0].d;
  await sql`grant connect, temporary on database ${sql.id(db)} to ${ident}`.execute(owner);
  await sql`grant usage on schema public to ${ident}`.execute(owner);
}

async function canLogin(connectionString: string): Promise<boolean> {
  const c = new pg.Client({ connectionString });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface Db { db: Kysely<any>; pool: pg.Pool }

/**
 * A pool gives up on a connection (a new one, or waiting for a free one) after this long, so that
 * a database that is down or hung turns into errors (500, /healthz 503) instead of hung requests.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export function createDb(connectionString: string, max: number, applicationName: string, opts: { connectionTimeoutMillis?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName, idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? CONNECT_TIMEOUT_MS });
  pool.on('error', () => { /* a broken idle client is dropped by the pool; queries report their own errors */ });
  // A client that is checked out (between two queries of a transaction) when the server dies emits
  // 'error' with no listener, which would crash the process: the query in flight, or the next one,
  // reports the failure instead (answered 503), and the pool replaces the broken client.
  pool.on('connect', (client) => { client.on('error', () => undefined); });
  return { db: new Kysely<any>({ dialect: new PostgresDialect({ pool }) }), pool };
}
