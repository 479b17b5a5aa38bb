/**
 * Validity and adoption rules of community votes (Law on Grassroots Democracy 2022, Art. 15–20;
 * see RULES-VN.md §5). Pure: the figures come from stored participation and ballots.
 *
 * - A vote is valid when MORE than `quorumPercent` of the eligible voters (households or
 *   residents of the group or ward) took part — default more than 50 %.
 * - An option is adopted when MORE than `thresholdPercent` of the base agrees — default more
 *   than 50 % of ALL eligible voters (not of those who voted). A consultation (tham gia ý kiến)
 *   has no legal threshold: its default base is the votes cast and quorum 0.
 */
export type Matter = 'contribution' | 'convention' | 'head_election' | 'board_election' | 'fund_use' | 'self_managed' | 'consultation';
export type Basis = 'household' | 'resident';
export type ThresholdBase = 'eligible' | 'cast';

export const MATTERS: Matter[] = ['contribution', 'convention', 'head_election', 'board_election', 'fund_use', 'self_managed',
  'consultation'];

export interface PollRules { basis: Basis; secret: boolean; quorumPercent: number; thresholdPercent: number; thresholdBase: ThresholdBase }

/** Legal defaults per matter; staff may tighten them per poll. */
export function legalDefaults(matter: Matter): PollRules {
  if (matter === 'consultation') return { basis: 'household', secret: false, quorumPercent: 0, thresholdPercent: 50,
    thresholdBase: 'cast' };
  // Electing or dismissing people is done by secret ballot; the other matters may be open.
  const secret = matter === 'head_election' || matter === 'board_election';
  return { basis: 'household', secret, quorumPercent: 50, thresholdPercent: 50, thresholdBase: 'eligible' };
}

export interface Tally { eligible: number; participants: number; votes: { optionId: string; votes: number }[] }

export interface OptionOutcome { optionId: string; votes: number; percentOfBase: number | null; adopted: boolean }

export interface Outcome {
  eligible: number; participants: number;
  participationRate: number | null;
  quorumMet: boolean;
  base: number;
  options: OptionOutcome[];
  /** The adopted option (at most one can pass a threshold ≥ 50 %), or null. */
  adoptedOptionId: string | null;
}

const pct = (n: number, d: number): number | null => (d > 0 ? Math.round((n * 1000) / d) / 10 : null);
/** n/d > p % without floating point: 101/200 > 50 %, 100/200 is not. */
const moreThan = (n: number, d: number, p: number): boolean => d > 0 && n * 100 > p * d;

export function outcome(t: Tally, r: Pick<PollRules, 'quorumPercent' | 'thresholdPercent' | 'thresholdBase'>): Outcome {
  const cast = t.votes.reduce((s, v) => s + v.votes, 0);
  const base = r.thresholdBase === 'eligible' ? t.eligible : cast;
  const quorumMet = t.participants > 0 && (r.quorumPercent === 0 || moreThan(t.participants, t.eligible, r.quorumPercent));
  const options = t.votes.map((v) => ({
    optionId: v.optionId, votes: v.votes, percentOfBase: pct(v.votes, base),
    adopted: quorumMet && moreThan(v.votes, base, r.thresholdPercent),
  }));
  const adopted = options.filter((o) => o.adopted);
  return {
    eligible: t.eligible, participants: t.participants, participationRate: pct(t.participants, t.eligible),
    quorumMet, base, options, adoptedOptionId: adopted.length === 1 ? adopted[0].optionId : null,
  };
}

export type PollPhase = 'draft' | 'scheduled' | 'open' | 'closed';

/** Where a poll stands at `now`: staff open it, the clock opens and closes voting. */
export function pollPhase(p: { status: string; opens_at: Date; closes_at: Date }, now: Date): PollPhase {
  if (p.status === 'draft') return 'draft';
  if (p.status === 'closed' || now >= p.closes_at) return 'closed';
  return now < p.opens_at ? 'scheduled' : 'open';
}
