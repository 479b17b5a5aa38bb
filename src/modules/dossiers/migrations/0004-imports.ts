import type { Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Uploaded import files with their mapping, progress and per-row report (staff page). */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'dossier_imports', `
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
  `);
}
