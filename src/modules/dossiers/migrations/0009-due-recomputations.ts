import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/**
 * Due dates moved by a recomputation (an official holiday table replaced an expected or computed
 * year): one row per dossier whose due instant changed, grouped by `batch_id`, so that the clerk
 * can list the last recomputation of the unit (docs/deadlines.md). `unit_id` is the deciding unit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'dossier_due_changes', `
      batch_id uuid not null,
      dossier_id uuid not null references dossiers(id),
      code text not null,
      old_due_at timestamptz,
      new_due_at timestamptz,
      old_due_date date,
      new_due_date date,
      reason text not null,
      changed_at timestamptz not null default now()
  `, 'unit-and-id');
  await sql`create index dossier_due_changes_batch_idx on dossier_due_changes (unit_id, changed_at desc)`.execute(db);
}
