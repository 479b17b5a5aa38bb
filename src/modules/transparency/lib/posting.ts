import { addDays } from './vn-time.js';

/** Minimum posting period for grassroots-democracy disclosures (RULES-VN.md §5). */
export const DEFAULT_POSTING_DAYS = 30;

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
  return Math.round((Date.parse(end) - Date.parse(from)) / 86400_000) + 1;
}

export type CommentWindow = 'none' | 'not_open' | 'open' | 'closed';

/** Whether the public comment period of a land project is open on a given day (both ends inclusive). */
export function commentWindow(opensOn: string | null, closesOn: string | null, today: string): CommentWindow {
  if (!opensOn || !closesOn) return 'none';
  if (today < opensOn) return 'not_open';
  return today <= closesOn ? 'open' : 'closed';
}
