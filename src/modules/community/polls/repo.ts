import { sql } from 'kysely';
import type { Trx } from '../context.js';
import type { Basis, Matter, ThresholdBase } from './rules.js';

export interface PollRow {
  id: string; unit_id: string; code: string; title: string; description: string; matter: Matter;
  group_id: string | null; basis: Basis; secret: boolean; opens_at: Date; closes_at: Date;
  quorum_percent: number; threshold_percent: number; threshold_base: ThresholdBase; web_enabled: boolean;
  status: 'draft' | 'open' | 'closed'; eligible_at_close: number | null; results_published_at: Date | null; created_at: Date;
}
export interface OptionRow { id: string; position: number; label: string }
export type Channel = 'web' | 'paper' | 'api';

const POLL_COLS = ['id', 'unit_id', 'code', 'title', 'description', 'matter', 'group_id', 'basis', 'secret', 'opens_at', 'closes_at',
  sql<number>`quorum_percent::float8`.as('quorum_percent'), sql<number>`threshold_percent::float8`.as('threshold_percent'),
  'threshold_base', 'web_enabled', 'status', 'eligible_at_close', 'results_published_at', 'created_at'] as const;

export const listPolls = (trx: Trx): Promise<(PollRow & { participants: number })[]> =>
  trx.selectFrom('community_polls as p').select(POLL_COLS as never)
    .select(sql<number>`(select count(*)::int from community_poll_participation x where x.poll_id = p.id)`.as('participants'))
    .orderBy('p.opens_at', 'desc').execute() as never;

export const getPoll = (trx: Trx, id: string): Promise<PollRow | undefined> =>
  trx.selectFrom('community_polls').select(POLL_COLS as never).where('id', '=', id).executeTakeFirst() as never;

export const getPollByCode = (trx: Trx, code: string): Promise<PollRow | undefined> =>
  trx.selectFrom('community_polls').select(POLL_COLS as never).where('code', '=', code).executeTakeFirst() as never;

export const listOptions = (trx: Trx, pollId: string): Promise<OptionRow[]> =>
  trx.selectFrom('community_poll_options').select(['id', 'position', 'label']).where('poll_id', '=',
    pollId).orderBy('position').execute() as never;

export type NewPoll = Omit<PollRow, 'id' | 'unit_id' | 'status' | 'eligible_at_close' | 'results_published_at' | 'created_at'>;

export async function insertPoll(trx: Trx, unitId: string, p: NewPoll, options: string[], userId: string | null): Promise<string> {
  const { id } = await trx.insertInto('community_polls').values({ ...p, unit_id: unitId,
    created_by: userId }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('community_poll_options').values(options.map((label, i) => ({ unit_id: unitId, poll_id: id,
    position: i + 1, label }))).execute();
  await trx.insertInto('community_poll_units').values({ poll_id: id, unit_id: unitId }).execute();
  return id;
}

export const updatePoll = (trx: Trx, id: string, patch: Partial<Pick<PollRow, 'status' | 'eligible_at_close' | 'results_published_at'>>) =>
  trx.updateTable('community_polls').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();

/** Voters per group of the poll's scope: households, or residents listed as members. */
export async function eligibleByGroup(trx: Trx, poll: Pick<PollRow, 'group_id' | 'basis'>): Promise<Map<string, number>> {
  const counted = poll.basis === 'household' ? sql`count(*)` : sql`(select count(*) from community_members m where m.household_id = any(array_agg(h.id)))`;
  let q = trx.selectFrom('community_households as h').select(['h.group_id', sql<number>`${counted}::int`.as('n')]).groupBy('h.group_id');
  if (poll.group_id) q = q.where('h.group_id', '=', poll.group_id);
  return new Map((await q.execute()).map((r: { group_id: string; n: number }) => [r.group_id, r.n]));
}

export async function participationByGroup(trx: Trx, pollId: string): Promise<{ group_id: string; channel: Channel; n: number }[]> {
  return trx.selectFrom('community_poll_participation').select(['group_id', 'channel', sql<number>`count(*)::int`.as('n')])
    .where('poll_id', '=', pollId).groupBy(['group_id', 'channel']).execute() as never;
}

export async function ballotsByGroup(trx: Trx,
  pollId: string): Promise<{ group_id: string; channel: Channel; option_id: string; n: number }[]> {
  return trx.selectFrom('community_poll_ballots').select(['group_id', 'channel', 'option_id', sql<number>`count(*)::int`.as('n')])
    .where('poll_id', '=', pollId).groupBy(['group_id', 'channel', 'option_id']).execute() as never;
}

export const participationOf = (trx: Trx, pollId: string, voterId: string) =>
  trx.selectFrom('community_poll_participation').select(['channel', 'voted_at']).where('poll_id', '=', pollId).where('voter_id',
    '=', voterId)
    .executeTakeFirst() as Promise<{ channel: Channel; voted_at: Date } | undefined>;

export const listDocuments = (trx: Trx, pollId: string) =>
  trx.selectFrom('community_poll_documents').select(['id', 'filename', 'mimetype', sql<number>`length(data)`.as('size')])
    .where('poll_id', '=',
      pollId).orderBy('created_at').execute() as Promise<{ id: string; filename: string; mimetype: string; size: number }[]>;

export const getDocument = (trx: Trx, pollId: string, id: string) =>
  trx.selectFrom('community_poll_documents').select(['filename', 'mimetype', 'data']).where('poll_id', '=', pollId).where('id', '=', id)
    .executeTakeFirst() as Promise<{ filename: string; mimetype: string; data: Buffer } | undefined>;

/** The unit of a poll id, through the code → unit map (no RLS; holds nothing else). */
export async function unitOfPoll(db: Trx | import('kysely').Kysely<any>, pollId: string): Promise<string | null> {
  const r = await db.selectFrom('community_poll_units').select('unit_id').where('poll_id', '=', pollId).executeTakeFirst();
  return (r?.unit_id as string | undefined) ?? null;
}

export async function insertDocument(
  trx: Trx, unitId: string, pollId: string, d: { filename: string; mimetype: string; data: Buffer },
): Promise<void> {
  await trx.insertInto('community_poll_documents').values({ unit_id: unitId, poll_id: pollId,
    filename: d.filename, mimetype: d.mimetype, data: d.data }).execute();
}

/** Voter ids (household or member) that took part in a poll, by any channel. */
export async function participantIds(trx: Trx, pollId: string): Promise<Set<string>> {
  return new Set((await trx.selectFrom('community_poll_participation').select('voter_id').where('poll_id', '=',
    pollId).execute()).map((r: { voter_id: string }) => r.voter_id));
}
