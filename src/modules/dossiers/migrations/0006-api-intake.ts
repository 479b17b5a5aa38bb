import { sql, type Kysely } from 'kysely';

/**
 * Intake through the API and the papers received:
 * - `external_code`: the dossier's code in the sending system (e.g. the provincial one-stop
 *   system). A second POST with the same external code to the same receiving unit returns the
 *   dossier already made (idempotent), enforced by a partial unique index.
 * - `papers`: the papers received with the dossier (listed on Mẫu 01); empty when not recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dossiers add column external_code text, add column papers text[] not null default '{}'`.execute(db);
  await sql`alter table dossiers add constraint dossiers_external_code_check
    check (external_code is null or external_code ~ '^[A-Za-z0-9._:/-]{1,64}$')`.execute(db);
  await sql`create unique index dossiers_external_code_key on dossiers (receiving_unit_id, external_code)
    where external_code is not null`.execute(db);
}
