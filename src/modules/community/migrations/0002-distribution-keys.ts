import type { Kysely } from 'kysely';
import { distributeByUnit, type UnitLink } from '../../../core/migration-distribution.js';

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
const LINKS: UnitLink[] = [
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

export async function up(db: Kysely<any>): Promise<void> {
  // residential_groups is the core's table, but only community's tables point at it, and community/0001 creates
  // `references residential_groups(id)`: on a fresh database the core's migrations run before it, so swapping
  // this key in a core migration would make community/0001 fail. It is swapped here, after community's foreign
  // keys to it are gone (a null group_id is not checked, as before).
  await distributeByUnit(db, {
    links: LINKS,
    keyedById: [...KEYED_BY_ID, 'residential_groups'],
    dropLinks: [{ child: 'community_poll_units', column: 'poll_id', parent: 'community_polls' }],
    rekeys: [{ table: 'community_poll_options', drop: 'community_poll_options_poll_id_position_key', add: 'unique (unit_id, poll_id, position)' }],
  });
}
