import type { Score } from './stats.js';

export const SCORES = ['satisfied', 'normal', 'unsatisfied'] as const;
export const REASONS = [
  'friendly', 'fast', 'clear_guidance',
  'long_wait', 'slow', 'unfriendly', 'unclear_guidance', 'many_papers', 'facilities',
] as const;
export type Reason = (typeof REASONS)[number];
export const MAX_COMMENT = 1000;
/** A device at the counter may rate a ticket finished at most this long ago. */
export const DEVICE_WINDOW_MIN = 15;

/** A ticket's QR code rates the service for this many days after the ticket was issued. */
export const QR_VALID_DAYS = 3;
/** Statuses in which the citizen has actually been served (a call alone is not a service). */
export const QR_RATEABLE: readonly string[] = ['serving', 'done'];

export type QrProblem = 'not_served' | 'expired';

/** Why a ticket's QR code cannot rate now, or null when it can. */
export function qrRatingProblem(t: { status: string; created_at: Date }, now: Date, validDays = QR_VALID_DAYS): QrProblem | null {
  if (now.getTime() - t.created_at.getTime() > validDays * 86_400_000) return 'expired';
  if (!QR_RATEABLE.includes(t.status)) return 'not_served';
  return null;
}

export interface RatingInput { score: Score; reasons: Reason[]; comment: string | null }
export type RatingCheck = { ok: true; value: RatingInput } | { ok: false; field: string; message: string };

/** Checks a submitted rating; messages are i18n keys. */
export function checkRating(raw: { score?: unknown; reasons?: unknown; comment?: unknown }): RatingCheck {
  if (!SCORES.includes(raw.score as Score)) return { ok: false, field: 'score', message: 'centre.rating.error.score' };
  const list = raw.reasons === undefined || raw.reasons === null || raw.reasons === '' ? [] : Array.isArray(raw.reasons) ? raw.reasons : [raw.reasons];
  if (list.length > REASONS.length || !list.every((r) => REASONS.includes(r as Reason))) {
    return { ok: false, field: 'reasons', message: 'centre.rating.error.reasons' };
  }
  const comment = typeof raw.comment === 'string' ? raw.comment.trim() : '';
  if (comment.length > MAX_COMMENT) return { ok: false, field: 'comment', message: 'centre.rating.error.comment' };
  return { ok: true, value: { score: raw.score as Score, reasons: [...new Set(list as Reason[])], comment: comment || null } };
}

export interface FinishedTicket { id: string; finishedAt: Date; rated: boolean }

/**
 * The ticket a counter's rating device rates: the most recently finished one, not yet rated,
 * finished within DEVICE_WINDOW_MIN. None → the device may not rate (nobody was just served).
 */
export function rateableTicket<T extends FinishedTicket>(finished: readonly T[], now: Date, windowMin = DEVICE_WINDOW_MIN): T | null {
  const since = now.getTime() - windowMin * 60_000;
  const last = [...finished].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime())[0];
  return last && !last.rated && last.finishedAt.getTime() >= since ? last : null;
}
