import type { FastifyRequest } from 'fastify';

/**
 * The staff home's "today" board. Each module that has work for the day declares
 * `dashboard` in `defineModule`; a module that is not installed simply adds nothing.
 */

/** One count on the board, linking to the list it counts (already filtered). */
export interface DashboardTile {
  /** Stable id `<module>.<name>` (tests and `data-tile` attributes use it). */
  id: string;
  /** Translated label ("Hồ sơ quá hạn"). */
  label: string;
  count: number;
  /** Link below the site root (`/quan-tri/chu-van-an/ho-so?han=qua-han`). */
  href: string;
  /** 'alert' when a non-zero count means something is late. */
  tone?: 'alert' | 'attention' | 'neutral';
  /** A second line ("chờ trung bình 12 phút"). */
  detail?: string;
}

/** A month-by-month figure for leaders: the latest month is the one shown large. */
export interface DashboardTrend {
  id: string;
  label: string;
  /** Percent values 0–100 (null = no data that month), oldest first. */
  points: { month: string; value: number | null; numerator?: number; denominator?: number }[];
  href?: string;
}

export interface DashboardPart {
  /** Translated heading of the module's group of tiles. */
  title: string;
  order?: number;
  tiles: DashboardTile[];
  trends?: DashboardTrend[];
}

export interface DashboardContext {
  /** The instant the board is computed for (the real clock). */
  now: Date;
  /** The viewer may see the month's indicators (leader, admin, inspection). */
  leader: boolean;
  /** The months the trends cover, oldest first: `['2026-07', …, '2026-12']` (Vietnam time). */
  months: string[];
}

export type DashboardSource = (req: FastifyRequest, ctx: DashboardContext) => Promise<DashboardPart | null>;

/** The last `n` calendar months up to the one containing `now` (Vietnam time), oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Bounds of a 'YYYY-MM' month in Vietnam time as instants [from, to) and dates ('YYYY-MM-DD'). */
export function monthBounds(month: string): { from: Date; to: Date; fromDay: string; toDay: string } {
  const [y, m] = month.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m!, 1));
  const toDay = next.toISOString().slice(0, 10);
  return {
    from: new Date(Date.UTC(y!, m! - 1, 1) - 7 * 3600_000), to: new Date(next.getTime() - 7 * 3600_000),
    fromDay: `${month}-01`, toDay,
  };
}

/** A rate in percent with one decimal, or null when nothing was counted. */
export const percent = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
