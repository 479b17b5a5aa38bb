import { sql, type Kysely } from 'kysely';

/**
 * Distribution keys (Citus, docs/scaling.md): every feedback table is keyed by `(unit_id, id)` and an item's events,
 * photos and outgoing replies point at it with `(unit_id, feedback_id) → feedback (unit_id, id)`, so one node holds
 * an item with its timeline. An item never changes unit (merges stay inside the unit: `merged_into` is looked up
 * under the unit's row-level security).
 * - `feedback.code` is unique per unit; the code stays unique across units through `feedback_codes` (code → unit,
 *   primary key `code`, a reference table: citizens look a code up without knowing the unit). Every intake inserts
 *   the code there in the same statement (a clash is a unique violation, retried with a new code); items missing
 *   from it are added here.
 * - Queries run under row-level security (`unit_id = current unit`), so the `(unit_id, …)` keys serve the look-ups
 *   by id and code; the owner-connection jobs read feedback by unit.
 */
const CHILDREN = ['feedback_events', 'feedback_photos', 'feedback_outbound'];
const KEYED = ['feedback', ...CHILDREN, 'feedback_secrets', 'feedback_intakes'];

export async function up(db: Kysely<any>): Promise<void> {
  // 1. A child row in another unit than its item would break the co-located keys: stop with its name.
  for (const child of CHILDREN) await assertSameUnitAsItem(db, child);
  await sql`insert into feedback_codes (code, unit_id) select code, unit_id from feedback on conflict (code) do nothing`.execute(db);
  // 2. The foreign keys to feedback(id) alone go first: they depend on the primary key being swapped.
  for (const child of CHILDREN) {
    await sql`alter table ${sql.id(child)} drop constraint ${sql.id(`${child}_feedback_id_fkey`)}`.execute(db);
  }
  // 3. Keys with the unit in front.
  for (const table of KEYED) {
    await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_pkey`)}, add primary key (unit_id, id)`.execute(db);
  }
  await sql`drop index feedback_code_key`.execute(db);
  await sql`alter table feedback add constraint feedback_unit_code_key unique (unit_id, code)`.execute(db);
  // 4. Co-located foreign keys, same (default: no action) `on delete` as before.
  for (const child of CHILDREN) {
    await sql`alter table ${sql.id(child)} add constraint ${sql.id(`${child}_feedback_id_fkey`)}
      foreign key (unit_id, feedback_id) references feedback (unit_id, id)`.execute(db);
  }
}

async function assertSameUnitAsItem(db: Kysely<any>, child: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(child)} c
    join feedback f on f.id = c.feedback_id where f.unit_id <> c.unit_id`.execute(db);
  if (rows[0].n > 0) {
    throw new Error(`${child}: ${rows[0].n} row(s) have another unit_id than their feedback item`
      + `; fix them before the (unit_id, feedback_id) key`);
  }
}
