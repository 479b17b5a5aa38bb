import type { Rubric } from './rubric/model.js';

/** A small deterministic generator (mulberry32) so that the demo ranking is the same on every install. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const hashSlug = (s: string): number => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/**
 * Figures a unit of a given quality (0–1) could report for a year, for every indicator of the
 * rubric (its first source): percentages spread around the quality, yes/no with that
 * probability, counts near the rule's target, "must be 0" figures rarely above 0.
 */
export function generatedValues(rubric: Rubric, quality: number, rnd: () => number): Map<string, number> {
  const out = new Map<string, number>();
  const noisy = (base: number, spread: number) => Math.max(0, Math.min(100, Math.round((base + (rnd() - 0.5) * spread) * 10) / 10));
  for (const ind of rubric.criteria.flatMap((c) => c.indicators)) {
    const id = ind.sources[0];
    const r = ind.rule;
    if (rnd() > 0.55 + quality * 0.45) continue; // some figures are simply not reported
    if (r.kind === 'boolean') out.set(id, rnd() < quality ? 1 : 0);
    else if (r.kind === 'manual') out.set(id, rnd() < quality ? 1 : rnd() < 0.5 ? 0.5 : 0);
    else if (r.kind === 'threshold' && r.max !== undefined) out.set(id, rnd() < quality ? 0 : 1);
    else if (r.kind === 'threshold') out.set(id, rnd() < quality ? Math.ceil(rnd() * 6) : 0);
    else if (r.kind === 'count') out.set(id, Math.round(r.target * 12 * quality * (0.7 + rnd() * 0.5)));
    else out.set(id, id === 'feedback.channels_active' ? Math.round(2 + quality * 5 * rnd() + quality * 2) : noisy(60 + quality * 40, 25));
  }
  return out;
}
