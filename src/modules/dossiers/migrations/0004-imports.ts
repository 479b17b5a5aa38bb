import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/** Uploaded import files with their mapping, progress and per-row report (staff page). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table dossier_imports (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      filename text not null,
      data bytea not null,
      mapping jsonb,
      status text not null default 'uploaded' check (status in ('uploaded', 'running', 'done', 'failed')),
      total int not null default 0,
      done int not null default 0,
      inserted int not null default 0,
      updated int not null default 0,
      errors jsonb not null default '[]',
      message text,
      created_by text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await enableTenantRls(db, 'dossier_imports');
}
