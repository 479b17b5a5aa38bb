import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { APP_ROLE } from './database.js';
import { moduleSelected } from './module-selection.js';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Migration folders: the core first, then every module's `migrations/`. */
export function migrationFolders(): { key: string; dir: string }[] {
  const folders = [{ key: '000-core', dir: path.join(srcDir, 'core', 'migrations') }];
  const modulesDir = path.join(srcDir, 'modules');
  if (existsSync(modulesDir)) {
    for (const name of readdirSync(modulesDir).sort()) {
      const dir = path.join(modulesDir, name, 'migrations');
      if (existsSync(dir) && moduleSelected(name)) folders.push({ key: name, dir });
    }
  }
  return folders;
}

/**
 * Every `NNNN-name.ts` (or the `.js` the start-up cache compiled from it), keyed `<module>/<file>`.
 * A migration file is imported only when it is run: a start with nothing pending imports none.
 */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const { key, dir } of migrationFolders()) {
      for (const file of readdirSync(dir).sort()) {
        if (!/^\d{4}-.*\.(ts|js)$/.test(file) || /\.test\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) continue;
        const href = pathToFileURL(path.join(dir, file)).href;
        out[`${key}/${file.replace(/\.(ts|js)$/, '')}`] = {
          async up(db) {
            const mod = await import(href) as Migration;
            await mod.up(db);
          },
        };
      }
    }
    return out;
  }
}

/** Runs every pending migration as the owner, then grants the app role what it may do. */
export async function migrateToLatest(owner: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db: owner, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
  await grantAppRole(owner);
  return (results ?? []).map((r) => r.migrationName);
}

export async function grantAppRole(owner: Kysely<any>): Promise<void> {
  const role = sql.id(APP_ROLE);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner);
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner);
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${role}`.execute(owner);
  // The audit log is append-only: the app role may only read it and append through audit_append().
  await sql`revoke insert, update, delete, truncate on audit_log from ${role}`.execute(owner);
  // The outbox (recipients' addresses, message texts) is written in business transactions and
  // delivered by the owner's worker: the app role may append, never read, change or delete.
  await sql`revoke select, update, delete, truncate on outbox from ${role}`.execute(owner);
  await sql`revoke all on seed_runs from ${role}`.execute(owner);
}
