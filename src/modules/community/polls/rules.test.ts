import { describe, expect, it } from 'vitest';
import { legalDefaults, outcome, pollPhase } from './rules.js';

const law = legalDefaults('contribution');
const tally = (eligible: number, participants: number, ...votes: number[]) =>
  ({ eligible, participants, votes: votes.map((v, i) => ({ optionId: `o${i + 1}`, votes: v })) });

describe('legal defaults per matter', () => {
  it('decided matters: more than half of all households, open vote; elections secret; consultations informative', () => {
    expect(law).toEqual({ basis: 'household', secret: false, quorumPercent: 50, thresholdPercent: 50, thresholdBase: 'eligible' });
    expect(legalDefaults('head_election').secret).toBe(true);
    expect(legalDefaults('board_election').secret).toBe(true);
    expect(legalDefaults('consultation')).toMatchObject({ quorumPercent: 0, thresholdBase: 'cast' });
  });
});

describe('worked examples (group of 200 households)', () => {
  it('120 took part, 101 agree: valid and adopted (101 > 100 = half of all 200)', () => {
    const o = outcome(tally(200, 120, 101, 19), law);
    expect(o).toMatchObject({ participationRate: 60, quorumMet: true, base: 200, adoptedOptionId: 'o1' });
    expect(o.options[0]).toEqual({ optionId: 'o1', votes: 101, percentOfBase: 50.5, adopted: true });
  });
  it('120 took part, 100 agree: NOT adopted — exactly half of all households is not more than half', () => {
    const o = outcome(tally(200, 120, 100, 20), law);
    expect(o.quorumMet).toBe(true);
    expect(o.adoptedOptionId).toBeNull();
  });
  it('a majority of those present is not enough: 110 took part, 90 agree (82 % of votes, 45 % of all)', () => {
    expect(outcome(tally(200, 110, 90, 20), law).adoptedOptionId).toBeNull();
  });
  it('exactly 100 of 200 took part: the meeting/vote is not valid, nothing is adopted', () => {
    const o = outcome(tally(200, 100, 100, 0), law);
    expect(o).toMatchObject({ participationRate: 50, quorumMet: false, adoptedOptionId: null });
    expect(outcome(tally(200, 101, 101, 0), law).quorumMet).toBe(true);
  });
  it('a stricter 66 % threshold set for a convention (group of 300)', () => {
    const r = { ...law, thresholdPercent: 66 };
    expect(outcome(tally(300, 250, 199, 51), r).adoptedOptionId).toBe('o1');
    expect(outcome(tally(300, 250, 198, 52), r).adoptedOptionId).toBeNull();
  });
  it('a consultation counts the votes cast and needs no quorum', () => {
    const o = outcome(tally(200, 30, 20, 10), legalDefaults('consultation'));
    expect(o).toMatchObject({ quorumMet: true, base: 30, adoptedOptionId: 'o1', participationRate: 15 });
    expect(o.options[0].percentOfBase).toBe(66.7);
  });
  it('nobody eligible or nobody voted: no rate, not valid', () => {
    expect(outcome(tally(0, 0), law)).toMatchObject({ participationRate: null, quorumMet: false });
    expect(outcome(tally(50, 0, 0), law).quorumMet).toBe(false);
  });
});

describe('phase', () => {
  const p = { status: 'open', opens_at: new Date('2026-03-01T00:00:00Z'), closes_at: new Date('2026-03-08T00:00:00Z') };
  it('follows the clock once opened', () => {
    expect(pollPhase({ ...p, status: 'draft' }, new Date('2026-03-02'))).toBe('draft');
    expect(pollPhase(p, new Date('2026-02-28'))).toBe('scheduled');
    expect(pollPhase(p, new Date('2026-03-02'))).toBe('open');
    expect(pollPhase(p, new Date('2026-03-08T00:00:00Z'))).toBe('closed');
    expect(pollPhase({ ...p, status: 'closed' }, new Date('2026-03-02'))).toBe('closed');
  });
});
