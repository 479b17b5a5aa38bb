import { sql, type Kysely } from 'kysely';

/**
 * Distribution keys (Citus): every community table, and the core's `residential_groups`, is keyed by
 * `(unit_id, id)` and every foreign key between them carries the unit on both sides, so a distributed
 * database can shard them all by unit and join a poll with its options, ballots and households on one node.
 *
 * A poll belongs to exactly one unit (`community_poll_units` maps a poll id to ONE unit; `group_id`, when set,
 * narrows it to one residential group of that unit): its options, documents, codes, participation and
 * ballots are written under the poll's unit (`polls/votes.ts`, `polls/otp-flow.ts`), and the voting
 * household and its group are read under that unit's row-level security, so they share it too.
 * The check below proves it on existing data before the keys change.
 *
 * `community_poll_units` (poll id → unit, read before the unit is known by `POST /api/v1/polls/{id}/votes`)
 * becomes a reference table: it loses its foreign key to `community_polls` (a reference table may not point at
 * a sharded one). Polls are never deleted, so the cascade it carried never ran.
 *
 * Queries run under row-level security (`unit_id = current unit`), so the `(unit_id, id)` keys serve the
 * look-ups by id; nothing here looks a row up by id without its unit.
 */
interface Link { child: string; column: string; parent: string; cascade: boolean }

const LINKS: Link[] = [
  { child: 'community_group_heads', column: 'group_id', parent: 'residential_groups', cascade: true },
  { child: 'community_branches', column: 'group_id', parent: 'residential_groups', cascade: true },
  { child: 'community_households', column: 'group_id', parent: 'residential_groups', cascade: false },
  { child: 'community_members', column: 'household_id', parent: 'community_households', cascade: true },
  { child: 'community_polls', column: 'group_id', parent: 'residential_groups', cascade: false },
  { child: 'community_poll_options', column: 'poll_id', parent: 'community_polls', cascade: true },
  { child: 'community_poll_documents', column: 'poll_id', parent: 'community_polls', cascade: true },
  { child: 'community_poll_participation', column: 'poll_id', parent: 'community_polls', cascade: true },
  { child: 'community_poll_participation', column: 'household_id', parent: 'community_households', cascade: false },
  { child: 'community_poll_participation', column: 'group_id', parent: 'residential_groups', cascade: false },
  { child: 'community_poll_ballots', column: 'poll_id', parent: 'community_polls', cascade: true },
  { child: 'community_poll_ballots', column: 'option_id', parent: 'community_poll_options', cascade: false },
  { child: 'community_poll_ballots', column: 'group_id', parent: 'residential_groups', cascade: false },
  { child: 'community_poll_otps', column: 'poll_id', parent: 'community_polls', cascade: true },
  { child: 'community_poll_otps', column: 'household_id', parent: 'community_households', cascade: false },
  { child: 'community_broadcast_publications', column: 'broadcast_id', parent: 'community_broadcasts', cascade: true },
  { child: 'community_broadcast_publications', column: 'group_id', parent: 'residential_groups', cascade: false },
];

/** Tables keyed by a surrogate `id` alone until now. */
const KEYED_BY_ID = ['community_branches', 'community_households', 'community_members', 'community_import_batches', 'community_polls',
  'community_poll_options', 'community_poll_documents', 'community_poll_ballots', 'community_poll_otps', 'community_broadcasts',
  'community_broadcast_publications'];

const fkName = (l: Link) => `${l.child}_${l.column}_fkey`;

export async function up(db: Kysely<any>): Promise<void> {
  // 1. A row in another unit than its parent would break the new foreign keys: stop and name it.
  for (const l of LINKS) await assertSameUnit(db, l.child, l.column, l.parent);
  await assertSameUnit(db, 'community_poll_units', 'poll_id', 'community_polls');
  // 2. The foreign keys to `id` alone go first: they depend on the primary keys being swapped.
  for (const l of LINKS) await sql`alter table ${sql.id(l.child)} drop constraint ${sql.id(fkName(l))}`.execute(db);
  await sql`alter table community_poll_units drop constraint community_poll_units_poll_id_fkey`.execute(db);
  // 3. Keys with the unit in front.
  for (const table of KEYED_BY_ID) await swapPrimaryKey(db, table);
  await sql`alter table community_poll_options drop constraint community_poll_options_poll_id_position_key,
    add unique (unit_id, poll_id, position)`.execute(db);
  // residential_groups is the core's table, but only community's tables point at it, and community/0001 creates
  // `references residential_groups(id)`: on a fresh database the core's migrations run before it, so swapping
  // this key in a core migration would make community/0001 fail. It is swapped here, after community's foreign
  // keys to it are gone.
  await swapPrimaryKey(db, 'residential_groups');
  // 4. Co-located foreign keys, same `on delete` behaviour as before (a null group_id is not checked, as before).
  for (const l of LINKS) {
    await sql`alter table ${sql.id(l.child)} add constraint ${sql.id(fkName(l))}
      foreign key (unit_id, ${sql.id(l.column)}) references ${sql.id(l.parent)} (unit_id, id)
      ${sql.raw(l.cascade ? 'on delete cascade' : '')}`.execute(db);
  }
}

async function swapPrimaryKey(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_pkey`)}, add primary key (unit_id, id)`.execute(db);
}

async function assertSameUnit(db: Kysely<any>, child: string, column: string, parent: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(child)} c
    join ${sql.id(parent)} p on p.id = c.${sql.id(column)} where p.unit_id <> c.unit_id`.execute(db);
  if (rows[0].n > 0) {
    throw new Error(`${child}: ${rows[0].n} row(s) have another unit_id than their ${parent} (${column}); `
      + 'fix them before the (unit_id, id) keys');
  }
}
