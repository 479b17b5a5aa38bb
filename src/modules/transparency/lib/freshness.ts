/** Where an item was published (decision, PHẦN III 1.1.b). */
export const CHANNELS = ['notice_board', 'website', 'radio', 'social', 'press'] as const;
export type Channel = (typeof CHANNELS)[number];

export const isChannel = (v: string): v is Channel => (CHANNELS as readonly string[]).includes(v);

export interface ReviewState { lastReviewedAt: Date; reviewIntervalDays: number; remindedAt: Date | null }

/** The instant an item falls due for review. */
export function reviewDueAt(item: Pick<ReviewState, 'lastReviewedAt' | 'reviewIntervalDays'>): Date {
  return new Date(item.lastReviewedAt.getTime() + item.reviewIntervalDays * 86400_000);
}

export const isOverdue = (item: ReviewState, now: Date): boolean => reviewDueAt(item).getTime() <= now.getTime();

/** Days past due (0 when not yet due). */
export function daysOverdue(item: ReviewState, now: Date): number {
  const late = now.getTime() - reviewDueAt(item).getTime();
  return late <= 0 ? 0 : Math.floor(late / 86400_000);
}

/** Overdue and no reminder sent since it fell due: the reminder job writes to these only once. */
export function needsReminder(item: ReviewState, now: Date): boolean {
  if (!isOverdue(item, now)) return false;
  return item.remindedAt === null || item.remindedAt.getTime() < reviewDueAt(item).getTime();
}
