import { listResidentialGroups } from '../../../core/org.js';
import type { Trx } from '../context.js';
import * as repo from './repo.js';
import { outcome, type Outcome } from './rules.js';

export interface GroupParticipation {
  groupId: string; code: string; name: string; eligible: number; participants: number;
  byChannel: Record<repo.Channel, number>; ballots: number; rate: number | null;
  /** Participants and ballots differ: a ballot or a voter record is missing. */
  mismatch: boolean;
}
export interface PollResults {
  groups: GroupParticipation[]; eligible: number; participants: number; byChannel: Record<repo.Channel, number>;
  options: (repo.OptionRow & { votes: number; percentOfBase: number | null; adopted: boolean })[];
  outcome: Outcome;
}

const zero = (): Record<repo.Channel, number> => ({ web: 0, paper: 0, api: 0 });
const rate = (n: number, d: number) => (d > 0 ? Math.round((n * 1000) / d) / 10 : null);

/**
 * Participation per group and the result, all counted from the stored participation and ballots.
 * Eligible voters are frozen when the poll closes (`eligible_at_close`); until then, live.
 */
export async function pollResults(trx: Trx, poll: repo.PollRow): Promise<PollResults> {
  const [groups, eligible, parts, ballots, options] = await Promise.all([
    listResidentialGroups(trx), repo.eligibleByGroup(trx, poll), repo.participationByGroup(trx, poll.id),
    repo.ballotsByGroup(trx, poll.id), repo.listOptions(trx, poll.id),
  ]);
  const inScope = groups.filter((g) => (poll.group_id ? g.id === poll.group_id : true));
  const rows: GroupParticipation[] = inScope.map((g) => {
    const byChannel = zero();
    for (const p of parts.filter((p) => p.group_id === g.id)) byChannel[p.channel] += p.n;
    const participants = byChannel.web + byChannel.paper + byChannel.api;
    const nBallots = ballots.filter((b) => b.group_id === g.id).reduce((s, b) => s + b.n, 0);
    const e = eligible.get(g.id) ?? 0;
    return { groupId: g.id, code: g.code, name: g.name, eligible: e, participants, byChannel, ballots: nBallots,
      rate: rate(participants, e), mismatch: nBallots !== participants };
  }).filter((r) => r.eligible > 0 || r.participants > 0);
  const byChannel = zero();
  for (const r of rows) for (const c of Object.keys(byChannel) as repo.Channel[]) byChannel[c] += r.byChannel[c];
  const liveEligible = rows.reduce((s, r) => s + r.eligible, 0);
  const total = poll.eligible_at_close ?? liveEligible;
  const participants = rows.reduce((s, r) => s + r.participants, 0);
  const votes = options.map((o) => ({ optionId: o.id, votes: ballots.filter((b) => b.option_id === o.id).reduce((s, b) => s + b.n, 0) }));
  const out = outcome({ eligible: total, participants, votes },
    { quorumPercent: poll.quorum_percent, thresholdPercent: poll.threshold_percent, thresholdBase: poll.threshold_base });
  return {
    groups: rows, eligible: total, participants, byChannel, outcome: out,
    options: options.map((o, i) => ({ ...o, votes: votes[i].votes, percentOfBase: out.options[i].percentOfBase,
      adopted: out.options[i].adopted })),
  };
}
