import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/**
 * Distribution keys (Citus, docs/scaling.md): the dossier tables are keyed by `(unit_id, id)`, `unit_id` being the
 * DECIDING unit; a dossier's events, pauses, apologies and due-date changes carry their dossier's deciding unit (as
 * written since 0001) and point at it with `(unit_id, dossier_id) → dossiers (unit_id, id)`, so one node holds a
 * dossier and its timeline. The receiving unit still sees them through the shared policy (`receiving_unit_id`).
 *
 * - `dossiers.code` is unique per unit; the code stays unique across units through `dossier_codes` (code → units,
 *   primary key `code`, a reference table: citizens look a code up without knowing the unit). Every writer inserts
 *   the code there in the same transaction or statement; dossiers missing from it are added here.
 * - The API idempotency key (one dossier per receiving unit and `external_code`) was a unique index without the
 *   deciding unit; it moves to `dossier_external_codes`, keyed by `(unit_id = receiving unit, external_code)`.
 * - A home-service request belongs to the ward that visits (the receiving ward); the dossier it hands over may be
 *   decided by another ward, so its `dossier_id` becomes a plain link (like `dossier_form_numbers.dossier_id`).
 * - Look-ups by `code` or `id` under the shared policy (`unit_id = … or receiving_unit_id = …`) cannot use the
 *   `(unit_id, …)` keys: plain indexes on `dossiers (code)` and `dossiers (id)` serve them.
 */
const CHILDREN = ['dossier_events', 'dossier_pauses', 'dossier_apologies', 'dossier_due_changes'];

export async function up(db: Kysely<any>): Promise<void> {
  // 1. A child row in another unit than its dossier would break the co-located keys: stop with its name.
  for (const child of CHILDREN) await assertSameUnitAsDossier(db, child);
  await sql`insert into dossier_codes (code, unit_id, receiving_unit_id)
    select code, unit_id, receiving_unit_id from dossiers on conflict (code) do nothing`.execute(db);
  // 2. The foreign keys to dossiers(id) alone go first: they depend on the primary key being swapped.
  for (const child of [...CHILDREN, 'dossier_home_requests']) {
    await sql`alter table ${sql.id(child)} drop constraint ${sql.id(`${child}_dossier_id_fkey`)}`.execute(db);
  }
  // 3. Keys with the unit in front (dossier_due_changes has had (unit_id, id) since 0009).
  for (const table of ['dossiers', 'dossier_events', 'dossier_pauses', 'dossier_apologies', 'dossier_home_requests', 'dossier_imports']) {
    await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_pkey`)}, add primary key (unit_id, id)`.execute(db);
  }
  await sql`create index dossiers_id_idx on dossiers (id)`.execute(db);
  await sql`drop index dossiers_code_key`.execute(db);
  await sql`alter table dossiers add constraint dossiers_unit_code_key unique (unit_id, code)`.execute(db);
  await sql`create index dossiers_code_idx on dossiers (code)`.execute(db);
  await upExternalCodes(db);
  // 4. Co-located foreign keys, same (default: no action) `on delete` as before.
  for (const child of CHILDREN) {
    await sql`alter table ${sql.id(child)} add constraint ${sql.id(`${child}_dossier_id_fkey`)}
      foreign key (unit_id, dossier_id) references dossiers (unit_id, id)`.execute(db);
  }
}

async function upExternalCodes(db: Kysely<any>): Promise<void> {
  await sql`create table dossier_external_codes (
      unit_id uuid not null references units(id),
      external_code text not null,
      dossier_unit_id uuid not null,
      dossier_id uuid not null,
      primary key (unit_id, external_code))`.execute(db);
  await enableTenantRls(db, 'dossier_external_codes');
  await sql`insert into dossier_external_codes (unit_id, external_code, dossier_unit_id, dossier_id)
    select receiving_unit_id, external_code, unit_id, id from dossiers where external_code is not null`.execute(db);
  await sql`drop index dossiers_external_code_key`.execute(db);
  await sql`create index dossiers_external_code_idx on dossiers (receiving_unit_id, external_code)
    where external_code is not null`.execute(db);
}

async function assertSameUnitAsDossier(db: Kysely<any>, child: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(child)} c
    join dossiers d on d.id = c.dossier_id where d.unit_id <> c.unit_id`.execute(db);
  if (rows[0].n > 0) {
    throw new Error(`${child}: ${rows[0].n} row(s) have another unit_id than their dossier; fix them before the (unit_id, dossier_id) key`);
  }
}
