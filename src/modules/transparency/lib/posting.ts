import type { Category } from './categories.js';
import { addDays, toDayNumber } from '../../../lib/vn-calendar/index.js';

/** Minimum posting period for grassroots-democracy disclosures (RULES-VN.md §5). */
export const DEFAULT_POSTING_DAYS = 30;

/**
 * The legal minimum posting period (niêm yết) per category, in days. The Law on Grassroots
 * Democracy 2022 sets at least 30 days unless a special law says otherwise; budget estimates and
 * accounts are posted at least 90 days (Circular 343/2016/TT-BTC, disclosure of local budgets —
 * moderate confidence, recheck before release). A longer period is always allowed.
 */
export const MIN_POSTING_DAYS: Readonly<Record<Category, number>> = {
  socio_economic: 30, budget: 90, land_use: 30, land_recovery: 30, investment: 30, procedures: 30,
  social_policy: 30, contributions: 30, inspection: 30, anti_corruption: 30, officials: 30, other: 30,
};

export const minPostingDays = (category: Category): number => MIN_POSTING_DAYS[category] ?? DEFAULT_POSTING_DAYS;

export type PostingStatus = 'scheduled' | 'posting' | 'expired';

/**
 * The last day of posting. The first day is not counted (Civil Code art. 147(1)):
 * posted on 01/11 for 30 days → last day 01/12.
 */
export function postingEndsOn(publishedOn: string, postingDays: number): string {
  return addDays(publishedOn, postingDays);
}

/** `scheduled` before publication, `posting` (đang niêm yết) through the last day, then `expired` (hết thời hạn). */
export function postingStatus(publishedOn: string, postingDays: number, today: string): PostingStatus {
  if (today < publishedOn) return 'scheduled';
  return today <= postingEndsOn(publishedOn, postingDays) ? 'posting' : 'expired';
}

/** Days of posting left, counting today; 0 once expired. */
export function postingDaysLeft(publishedOn: string, postingDays: number, today: string): number {
  const end = postingEndsOn(publishedOn, postingDays);
  if (today > end) return 0;
  const from = today < publishedOn ? publishedOn : today;
  return toDayNumber(end) - toDayNumber(from) + 1;
}

export type CommentWindow = 'none' | 'not_open' | 'open' | 'closed';

/** Whether the public comment period of a land project is open on a given day (both ends inclusive). */
export function commentWindow(opensOn: string | null, closesOn: string | null, today: string): CommentWindow {
  if (!opensOn || !closesOn) return 'none';
  if (today < opensOn) return 'not_open';
  return today <= closesOn ? 'open' : 'closed';
}
