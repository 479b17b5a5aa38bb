import { useAuditKey } from './audit.js';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from './config.js';
import { createDb, ensureAppRole, openDatabaseEndpoints, type DatabaseEndpoints } from './database.js';
import { migrateToLatest } from './migrate.js';
import { loadModules } from './modules-loader.js';
import { enabledUnitIds, seedUnits } from './seed/reference.js';
import { DEMO_SLUG, seedDemoWardCore } from './seed/demo-ward.js';
import { createPasswordToken, createUser } from './auth/accounts.js';
import type { ModuleDefinition } from './module.js';

export interface Runtime {
  config: Config;
  endpoints: DatabaseEndpoints;
  ownerDb: Kysely<any>;
  db: Kysely<any>;
  pool: pg.Pool;
  modules: ModuleDefinition[];
  close(): Promise<void>;
}

export interface Log { info(msg: string): void; warn(msg: string): void; debug(msg: string): void }

/** Opens the database (starting the embedded server when needed) and the two connection pools. */
/** `server`: opened by the `start` command, which owns the embedded cluster (see startEmbeddedCluster). */
export async function openRuntime(config: Config, log: Log, opts: { database?: string; poolSize?: number; server?: boolean } = {}): Promise<Runtime> {
  // Starting PostgreSQL and importing the modules are independent: do both at once.
  const [db, mods] = await Promise.allSettled([openDatabaseEndpoints(config, log, opts.database, opts.server), loadModules()]);
  if (db.status === 'rejected') throw db.reason;
  const endpoints = db.value;
  if (mods.status === 'rejected') {
    await endpoints.close().catch(() => undefined);
    throw mods.reason;
  }
  const modules = mods.value;
  useAuditKey(config.dataDir);
  const owner = createDb(endpoints.ownerUrl, 4, 'thanthien-owner');
  try {
    await ensureAppRole(owner.db, endpoints.appUrl);
  } catch (err) {
    await owner.db.destroy().catch(() => undefined);
    await endpoints.close().catch(() => undefined);
    throw err;
  }
  const app = createDb(endpoints.appUrl, opts.poolSize ?? 20, 'thanthien-app');
  return {
    config, endpoints, ownerDb: owner.db, db: app.db, pool: app.pool, modules,
    async close() {
      await app.db.destroy();
      await owner.db.destroy();
      await endpoints.close();
    },
  };
}

/** Migrations, reference data, and (unless disabled) the demo ward. Safe to run on every start. */
export async function prepareDatabase(rt: Runtime, log: Log, opts: { demo: boolean }): Promise<{ adminSetupUrl?: string }> {
  const ran = await migrateToLatest(rt.ownerDb);
  if (ran.length) log.info(`Applied ${ran.length} migration(s)`);
  await seedUnits(rt.ownerDb);
  const unitIds = await enabledUnitIds(rt.ownerDb);
  for (const m of rt.modules) await m.seedReference?.({ db: rt.ownerDb, unitIdsBySlug: unitIds, now: new Date() });
  if (opts.demo && unitIds[DEMO_SLUG]) await seedDemo(rt, unitIds, log);
  return { adminSetupUrl: await bootstrapAdmin(rt, unitIds[DEMO_SLUG] ?? Object.values(unitIds)[0]) };
}

async function seedDemo(rt: Runtime, unitIds: Record<string, string>, log: Log): Promise<void> {
  const unitId = unitIds[DEMO_SLUG];
  await seedDemoWardCore(rt.ownerDb, unitId, true);
  for (const m of rt.modules) {
    if (!m.seedDemo) continue;
    const done = await sql`select 1 from seed_runs where module = ${m.name} and unit_id = ${unitId}`.execute(rt.ownerDb);
    if (done.rows.length) continue;
    log.info(`Adding demo data: ${m.name}`);
    await m.seedDemo({ db: rt.ownerDb, unitId, unitSlug: DEMO_SLUG, unitIdsBySlug: unitIds, now: new Date() });
    await sql`insert into seed_runs (module, unit_id) values (${m.name}, ${unitId}) on conflict do nothing`.execute(rt.ownerDb);
  }
}

/** The first administrator: created without a password; a one-time link sets it. */
async function bootstrapAdmin(rt: Runtime, unitId: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string; password_hash: string | null }>`select id, password_hash from users where username = 'admin'`.execute(rt.ownerDb);
  let id = rows[0]?.id;
  if (id && rows[0].password_hash) return undefined;
  if (!id) id = await createUser(rt.ownerDb, { unitId, username: 'admin', displayName: 'Quản trị viên', roles: ['admin'] });
  await sql`update password_tokens set used_at = now() where user_id = ${id} and used_at is null`.execute(rt.ownerDb);
  return `${rt.config.publicUrl}/dat-mat-khau/${await createPasswordToken(rt.ownerDb, id, 'setup', 24 * 7)}`;
}
