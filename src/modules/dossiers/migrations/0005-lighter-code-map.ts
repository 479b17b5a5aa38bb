import { sql, type Kysely } from 'kysely';

/**
 * The public code map only mirrors `dossiers` (whose own keys reference units); its two foreign
 * keys cost two row-level checks per imported row (≈ 15 % of a bulk import), so they go.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dossier_codes drop constraint if exists dossier_codes_unit_id_fkey`.execute(db);
  await sql`alter table dossier_codes drop constraint if exists dossier_codes_receiving_unit_id_fkey`.execute(db);
}
