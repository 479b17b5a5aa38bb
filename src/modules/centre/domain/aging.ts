/**
 * Queue ordering with priority groups and an aging rule (see docs/queue-aging.md).
 *
 * Every waiting ticket's effective priority grows by one point per second of waiting; a ticket
 * of a priority group starts with a head start of `priorityHeadStartS` seconds. Because every
 * ticket ages at the same rate, "highest effective priority now" is the same as "smallest
 * virtual arrival time", where virtual arrival = arrival − head start (priority only). So the
 * order never changes while tickets wait, it can be indexed, and no normal ticket is ever
 * overtaken by a priority ticket that arrived more than `priorityHeadStartS` after it.
 */

export const PRIORITY_GROUPS = [
  'elderly',
  'disability',
  'pregnant',
  'young_children',
  'war_invalid',
] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const isPriorityGroup = (v: unknown): v is PriorityGroup =>
  typeof v === 'string' && (PRIORITY_GROUPS as readonly string[]).includes(v);

export interface QueuedTicket {
  id: string;
  /** When the ticket was taken (ms since epoch). */
  arrivedAtMs: number;
  priorityGroup: PriorityGroup | null;
  /** A booked slot start (ms), if the ticket comes from a booking. */
  appointmentAtMs?: number | null;
}

/** Default head start of a priority ticket: 15 minutes. */
export const DEFAULT_PRIORITY_HEAD_START_S = 15 * 60;

/**
 * The base time a ticket queues from: its arrival, or its booked slot when that is earlier
 * (a citizen who booked 9:00 and arrives at 9:10 queues as if arrived at 9:00).
 */
export function baseTimeMs(t: QueuedTicket): number {
  const appt = t.appointmentAtMs ?? null;
  return appt !== null && appt < t.arrivedAtMs ? appt : t.arrivedAtMs;
}

/** Virtual arrival time: the smaller, the sooner the ticket is called. */
export function virtualArrivalMs(t: QueuedTicket, headStartS = DEFAULT_PRIORITY_HEAD_START_S): number {
  return baseTimeMs(t) - (t.priorityGroup ? headStartS * 1000 : 0);
}

/** Effective priority at `nowMs` (seconds): waiting time plus the head start of a priority group. */
export function effectivePriority(t: QueuedTicket, nowMs: number, headStartS = DEFAULT_PRIORITY_HEAD_START_S): number {
  return (nowMs - virtualArrivalMs(t, headStartS)) / 1000;
}

/** Sorting comparator: sooner virtual arrival first, then earlier real arrival, then id. */
export function compareQueued(a: QueuedTicket, b: QueuedTicket, headStartS = DEFAULT_PRIORITY_HEAD_START_S): number {
  return (
    virtualArrivalMs(a, headStartS) - virtualArrivalMs(b, headStartS) ||
    a.arrivedAtMs - b.arrivedAtMs ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The ticket to call next, or null when nobody waits. */
export function pickNext<T extends QueuedTicket>(waiting: readonly T[], headStartS = DEFAULT_PRIORITY_HEAD_START_S): T | null {
  let best: T | null = null;
  for (const t of waiting) if (best === null || compareQueued(t, best, headStartS) < 0) best = t;
  return best;
}

/** Tickets in calling order. */
export function orderQueue<T extends QueuedTicket>(waiting: readonly T[], headStartS = DEFAULT_PRIORITY_HEAD_START_S): T[] {
  return [...waiting].sort((a, b) => compareQueued(a, b, headStartS));
}
