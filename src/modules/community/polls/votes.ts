import { AppError } from '../../../core/errors.js';
import type { Trx } from '../context.js';
import type { HouseholdRow } from '../households/repo.js';
import * as repo from './repo.js';
import { pollPhase } from './rules.js';

export interface CastVote {
  poll: repo.PollRow; household: Pick<HouseholdRow, 'id' | 'group_id'>; memberId?: string | null;
  optionId: string; channel: repo.Channel; enteredBy?: string | null; now?: Date;
}


/**
 * Records one vote: the voter in `community_poll_participation` (whose primary key refuses a
 * second vote through any channel), the choice in `community_poll_ballots` — without the voter
 * when the vote is secret. Web votes only while the poll is open; paper ballots may be keyed in
 * until staff close it (the meeting's ballots are entered after it ends).
 */
export async function castVote(trx: Trx, v: CastVote): Promise<void> {
  const { poll } = v;
  const phase = pollPhase(poll, v.now ?? new Date());
  if (v.channel === 'paper' ? poll.status !== 'open' : phase !== 'open') throw AppError.conflict('community.error.poll_not_open');
  if (poll.group_id && v.household.group_id !== poll.group_id) throw AppError.unprocessable('community.error.household_out_of_scope');
  const options = await repo.listOptions(trx, poll.id);
  if (!options.some((o) => o.id === v.optionId)) throw AppError.unprocessable('community.error.choose_option');
  let voterId = v.household.id;
  if (poll.basis === 'resident') {
    const member = v.memberId && await trx.selectFrom('community_members').select('id').where('id', '=', v.memberId)
      .where('household_id', '=', v.household.id).executeTakeFirst();
    if (!member) throw AppError.unprocessable('community.error.choose_voter');
    voterId = v.memberId!;
  }
  const inserted = await trx.insertInto('community_poll_participation').values({
    unit_id: poll.unit_id, poll_id: poll.id, voter_id: voterId, household_id: v.household.id, group_id: v.household.group_id,
    channel: v.channel, entered_by: v.enteredBy ?? null,
  }).onConflict((oc) => oc.doNothing()).returning('voter_id').executeTakeFirst();
  if (!inserted) {
    const prior = await repo.participationOf(trx, poll.id, voterId);
    const channel = prior ? `_${prior.channel}` : '';
    throw AppError.conflict(`community.error.voted_${poll.basis === 'household' ? 'household' : 'resident'}${channel}`);
  }
  await trx.insertInto('community_poll_ballots').values({
    unit_id: poll.unit_id, poll_id: poll.id, option_id: v.optionId, group_id: v.household.group_id, channel: v.channel,
    voter_id: poll.secret ? null : voterId,
  }).execute();
}
