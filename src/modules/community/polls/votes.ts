import { AppError } from '../../../core/errors.js';
import type { Trx } from '../context.js';
import type { HouseholdRow } from '../households/repo.js';
import * as repo from './repo.js';
import { pollPhase } from './rules.js';

export interface CastVote {
  poll: repo.PollRow; household: Pick<HouseholdRow, 'id' | 'group_id'>; memberId?: string | null;
  optionId: string; channel: repo.Channel; enteredBy?: string | null; now?: Date;
}

const CHANNEL_VI = { web: 'trên trang web', api: 'qua ứng dụng', paper: 'bằng phiếu giấy' } as const;

/**
 * Records one vote: the voter in `community_poll_participation` (whose primary key refuses a
 * second vote through any channel), the choice in `community_poll_ballots` — without the voter
 * when the vote is secret. Web votes only while the poll is open; paper ballots may be keyed in
 * until staff close it (the meeting's ballots are entered after it ends).
 */
export async function castVote(trx: Trx, v: CastVote): Promise<void> {
  const { poll } = v;
  const phase = pollPhase(poll, v.now ?? new Date());
  if (v.channel === 'paper' ? poll.status !== 'open' : phase !== 'open') throw AppError.conflict('Cuộc biểu quyết không trong thời gian nhận phiếu.');
  if (poll.group_id && v.household.group_id !== poll.group_id) throw AppError.unprocessable('Hộ này không thuộc tổ dân phố của cuộc biểu quyết.');
  const options = await repo.listOptions(trx, poll.id);
  if (!options.some((o) => o.id === v.optionId)) throw AppError.unprocessable('Vui lòng chọn một phương án.');
  let voterId = v.household.id;
  if (poll.basis === 'resident') {
    const member = v.memberId && await trx.selectFrom('community_members').select('id').where('id', '=', v.memberId)
      .where('household_id', '=', v.household.id).executeTakeFirst();
    if (!member) throw AppError.unprocessable('Chọn người bỏ phiếu trong hộ.');
    voterId = v.memberId!;
  }
  const inserted = await trx.insertInto('community_poll_participation').values({
    unit_id: poll.unit_id, poll_id: poll.id, voter_id: voterId, household_id: v.household.id, group_id: v.household.group_id,
    channel: v.channel, entered_by: v.enteredBy ?? null,
  }).onConflict((oc) => oc.doNothing()).returning('voter_id').executeTakeFirst();
  if (!inserted) {
    const prior = await repo.participationOf(trx, poll.id, voterId);
    throw AppError.conflict(`${poll.basis === 'household' ? 'Hộ' : 'Người'} này đã bỏ phiếu ${prior ? CHANNEL_VI[prior.channel] : ''}; mỗi ${poll.basis === 'household' ? 'hộ' : 'người'} chỉ được bỏ một phiếu.`.replace(' ;', ';'));
  }
  await trx.insertInto('community_poll_ballots').values({
    unit_id: poll.unit_id, poll_id: poll.id, option_id: v.optionId, group_id: v.household.group_id, channel: v.channel,
    voter_id: poll.secret ? null : voterId,
  }).execute();
}
