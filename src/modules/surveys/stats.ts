/** Pure statistics for survey results: Wilson interval, Student-t interval for a mean. */

export interface Interval { low: number; high: number }
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion x/n at 95 %.
 * wilson(8, 10) → { low: 0.4902, high: 0.9433 } (rounded)
 */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-sided 95 % critical values of Student's t for df 1..30. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Two-sided 95 % critical value of Student's t. Table up to df 30, then the
 * Cornish–Fisher expansion around the normal quantile (error < 1e-4 for df > 30).
 */
export function t95(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T95[Math.floor(df) - 1];
  const z = Z95;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface MeanSummary { n: number; mean: number; sd: number; ci: Interval | null }

/**
 * Mean with a 95 % t interval. meanWithCi([1,2,3,4,5]) → mean 3, ci [1.037, 4.963].
 */
export function meanWithCi(values: number[]): MeanSummary | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean, sd: 0, ci: null };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = t95(n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci: { low: mean - half, high: mean + half } };
}

/** Scale point 1..5 → 0..100. */
export const scaleTo100 = (v: number): number => ((v - 1) / 4) * 100;

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
