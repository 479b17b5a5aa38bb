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

/** Months in Vietnam time come from the one Vietnam-time module. */
export { lastMonths, monthBounds } from '../../lib/vn-calendar/vn-time.js';

/** A rate in percent with one decimal, or null when nothing was counted. */
export const percent = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
