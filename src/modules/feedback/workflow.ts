/**
 * Feedback workflow as a pure state machine.
 *
 * received → classified → assigned → in_progress → answered → closed,
 * with rejected / duplicate / merged as terminal side exits and `reopen` by the citizen
 * (answered or closed → in_progress).
 */
export const STATUSES = [
  'received', 'classified', 'assigned', 'in_progress', 'answered', 'closed', 'rejected', 'duplicate', 'merged',
] as const;
export type FeedbackStatus = (typeof STATUSES)[number];

export const ACTIONS = [
  'classify', 'assign', 'start', 'answer', 'close', 'reject', 'mark_duplicate', 'merge', 'reopen',
] as const;
export type FeedbackAction = (typeof ACTIONS)[number];

const OPEN: FeedbackStatus[] = ['received', 'classified', 'assigned', 'in_progress'];

/** For each action: the statuses it may start from and the status it leads to. */
const TRANSITIONS: Record<FeedbackAction, { from: FeedbackStatus[]; to: FeedbackStatus }> = {
  classify: { from: ['received', 'classified'], to: 'classified' },
  assign: { from: ['received', 'classified', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  answer: { from: ['classified', 'assigned', 'in_progress'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reject: { from: OPEN, to: 'rejected' },
  mark_duplicate: { from: OPEN, to: 'duplicate' },
  merge: { from: OPEN, to: 'merged' },
  reopen: { from: ['answered', 'closed'], to: 'in_progress' },
};

export const isStatus = (v: unknown): v is FeedbackStatus =>
  typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
export const isAction = (v: unknown): v is FeedbackAction =>
  typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(from: FeedbackStatus, action: FeedbackAction): FeedbackStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Actions staff (or, for `reopen`, the citizen) may take from a status. */
export function allowedActions(from: FeedbackStatus): FeedbackAction[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(from));
}

/** Open = still counts against the deadline. */
export const isOpen = (s: FeedbackStatus): boolean => OPEN.includes(s);

/** Finished in the sense of the on-time rate: an answer (or a decision) was given. */
export const isResolved = (s: FeedbackStatus): boolean => !isOpen(s);

/** Open311 GeoReport v2 knows only `open` and `closed`. */
export const open311Status = (s: FeedbackStatus): 'open' | 'closed' => (isOpen(s) ? 'open' : 'closed');
