import { compareVi } from '../../../lib/vn-text/index.js';
import { vnParts } from '../../../lib/vn-calendar/index.js';

/** One ticket as the statistics see it. */
export interface TicketFact {
  service: string;
  counter: string | null;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
  createdAt: Date;
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface Distribution { count: number; mean: number; p50: number; p90: number; max: number }
export interface GroupStats {
  key: string;
  tickets: number;
  served: number;
  noShows: number;
  wait: Distribution;
  service: Distribution;
  /** Waiting-time histogram, counts per bucket of WAIT_BUCKETS_MIN. */
  waitHistogram: number[];
}

/** Histogram bucket upper bounds in minutes; the last bucket is open. */
export const WAIT_BUCKETS_MIN = [5, 10, 15, 30, 60] as const;

/** Nearest-rank percentile: the smallest value with at least p% of values ≤ it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function distribution(values: readonly number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { count: 0, mean: 0, p50: 0, p90: 0, max: 0 };
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { count: s.length, mean: Math.round(mean), p50: percentile(s, 50), p90: percentile(s, 90), max: s[s.length - 1] };
}

const seconds = (from: Date | null, to: Date | null): number | null =>
  from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;

/** Waiting time: taken → first called. */
export const waitSeconds = (t: TicketFact) => seconds(t.createdAt, t.calledAt);
/** Service time: started (or called, when nobody pressed start) → finished. */
export const serviceSeconds = (t: TicketFact) => (t.status === 'done' ? seconds(t.startedAt ?? t.calledAt, t.finishedAt) : null);

export function histogram(waits: readonly number[]): number[] {
  const counts = new Array(WAIT_BUCKETS_MIN.length + 1).fill(0);
  for (const w of waits) {
    const i = WAIT_BUCKETS_MIN.findIndex((ub) => w < ub * 60);
    counts[i === -1 ? WAIT_BUCKETS_MIN.length : i]++;
  }
  return counts;
}

export function groupStats(key: string, tickets: readonly TicketFact[]): GroupStats {
  const waits = tickets.map(waitSeconds).filter((x): x is number => x !== null);
  const services = tickets.map(serviceSeconds).filter((x): x is number => x !== null);
  return {
    key,
    tickets: tickets.length,
    served: tickets.filter((t) => t.status === 'done').length,
    noShows: tickets.filter((t) => t.status === 'no_show').length,
    wait: distribution(waits),
    service: distribution(services),
    waitHistogram: histogram(waits),
  };
}

export type Dimension = 'service' | 'counter' | 'hour';
const keyOf: Record<Dimension, (t: TicketFact) => string | null> = {
  service: (t) => t.service,
  counter: (t) => t.counter,
  hour: (t) => String(vnParts(t.createdAt).hour).padStart(2, '0'),
};

/** Statistics per value of one dimension, sorted by key; tickets without a value are left out. */
export function statsBy(dim: Dimension, tickets: readonly TicketFact[]): GroupStats[] {
  const groups = new Map<string, TicketFact[]>();
  for (const t of tickets) {
    const k = keyOf[dim](t);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.keys()].sort(compareVi).map((k) => groupStats(k, groups.get(k)!));
}

export type Score = 'satisfied' | 'normal' | 'unsatisfied';
export interface RatingSummary { total: number; satisfied: number; normal: number; unsatisfied: number; satisfiedRate: number }

/** `satisfiedRate` = satisfied / total, rounded to 0.1 %; 0 when there is no rating. */
export function summariseRatings(scores: readonly Score[]): RatingSummary {
  const c = { satisfied: 0, normal: 0, unsatisfied: 0 };
  for (const s of scores) c[s]++;
  const total = scores.length;
  return { total, ...c, satisfiedRate: total ? Math.round((c.satisfied / total) * 1000) / 10 : 0 };
}
