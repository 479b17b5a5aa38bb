/**
 * Estimated wait of a queued ticket, from recent service times.
 *
 *   wait ≈ ceil(ahead / counters) × typical service time
 *
 * where `ahead` is the number of tickets called before this one, `counters` the counters open
 * for the service, and the typical service time the median of recent service durations
 * (call → finish), or the service's configured default when fewer than `minSamples` exist.
 */
export interface WaitEstimateInput {
  ahead: number;
  openCounters: number;
  recentServiceSeconds: readonly number[];
  defaultServiceSeconds: number;
  minSamples?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function typicalServiceSeconds(recent: readonly number[], fallback: number, minSamples = 3): number {
  const valid = recent.filter((s) => Number.isFinite(s) && s > 0);
  return valid.length >= minSamples ? median(valid) : fallback;
}

export function estimateWaitSeconds(i: WaitEstimateInput): number {
  if (i.ahead <= 0) return 0;
  const per = typicalServiceSeconds(i.recentServiceSeconds, i.defaultServiceSeconds, i.minSamples);
  const rounds = Math.ceil(i.ahead / Math.max(1, i.openCounters));
  return Math.round(rounds * per);
}
