import { PRIORITY_GROUPS, pickNext, type PriorityGroup } from './domain/aging.js';
import { vnDayStart } from '../../lib/vn-calendar/index.js';
import { formatTicketNumber } from './domain/numbering.js';

export interface SimService { id: string; code: string; prefix: string; meanServiceS: number; arrivals: number }
export interface SimCounter { id: string; serviceIds: string[] }
export interface SimTicket {
  id: string; serviceId: string; seq: number; number: string; priorityGroup: PriorityGroup | null;
  arrivedAtMs: number; calledAt: Date | null; finishedAt: Date | null; counterId: string | null;
  status: 'done' | 'no_show';
}

const SESSIONS: Array<[number, number]> = [[7.5, 11.25], [13.5, 16.75]];

/** One simulated working day: arrivals, then counters calling in aging order. */
export function simulateDay(day: string, services: SimService[], counters: SimCounter[], rnd: () => number, headStartS: number): SimTicket[] {
  const start = vnDayStart(day).getTime();
  const tickets: SimTicket[] = [];
  for (const s of services) {
    const n = Math.round(s.arrivals * (0.7 + rnd() * 0.6));
    const times = Array.from({ length: n }, () => {
      const [a, b] = SESSIONS[rnd() < 0.6 ? 0 : 1];
      return start + (a + rnd() * (b - a)) * 3600_000;
    }).sort((x, y) => x - y);
    times.forEach((t, i) => tickets.push({
      id: `${s.id}:${i}`, serviceId: s.id, seq: i + 1, number: formatTicketNumber(s.prefix, i + 1),
      priorityGroup: rnd() < 0.12 ? PRIORITY_GROUPS[Math.floor(rnd() * PRIORITY_GROUPS.length)] : null,
      arrivedAtMs: Math.round(t), calledAt: null, finishedAt: null, counterId: null, status: 'done',
    }));
  }
  const freeAt = new Map(counters.map((c) => [c.id, start + 7.5 * 3600_000]));
  const mean = new Map(services.map((s) => [s.id, s.meanServiceS]));
  for (let guard = 0; guard < 10_000; guard++) {
    const open = tickets.filter((t) => !t.calledAt);
    if (!open.length) break;
    const [cid, at] = [...freeAt.entries()].sort((a, b) => a[1] - b[1])[0];
    const counter = counters.find((c) => c.id === cid)!;
    const mine = open.filter((t) => counter.serviceIds.includes(t.serviceId));
    if (!mine.length) { freeAt.set(cid, Infinity); continue; }
    const arrived = mine.filter((t) => t.arrivedAtMs <= at);
    if (!arrived.length) { freeAt.set(cid, Math.min(...mine.map((t) => t.arrivedAtMs))); continue; }
    const t = pickNext(arrived, headStartS)!;
    t.calledAt = new Date(at);
    t.counterId = cid;
    const noShow = rnd() < 0.05;
    const dur = noShow ? 60_000 : mean.get(t.serviceId)! * 1000 * (0.5 + rnd());
    t.status = noShow ? 'no_show' : 'done';
    t.finishedAt = new Date(at + dur);
    freeAt.set(cid, at + dur + 30_000);
  }
  return tickets;
}
