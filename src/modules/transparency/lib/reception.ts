import { addDays, vnInstant, vnParts } from './vn-time.js';

/** A recurring citizen-reception slot (Law on Citizen Reception art. 15: chairman ≥ 1 day a week). */
export interface ReceptionRule {
  id: string;
  leaderName: string;
  leaderTitle: string;
  recurrence: 'weekly' | 'monthly';
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** For monthly slots: 1–4 = that occurrence of the weekday in the month, 5 = the last one. */
  weekOfMonth: number | null;
  startTime: string;
  endTime: string;
  place: string;
}

export interface ReceptionSession { rule: ReceptionRule; startsAt: Date; endsAt: Date }

const hm = (t: string) => t.split(':').map(Number) as [number, number];

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** Whether a rule holds a session on a `yyyy-mm-dd` date. */
export function occursOn(rule: ReceptionRule, date: string): boolean {
  if (weekdayOf(date) !== rule.weekday) return false;
  if (rule.recurrence === 'weekly') return true;
  const day = Number(date.slice(8, 10));
  const nth = Math.ceil(day / 7);
  if (rule.weekOfMonth === 5) return addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
  return nth === rule.weekOfMonth;
}

function sessionOn(rule: ReceptionRule, date: string): ReceptionSession {
  const [y, m, d] = date.split('-').map(Number);
  const [sh, sm] = hm(rule.startTime);
  const [eh, em] = hm(rule.endTime);
  return { rule, startsAt: vnInstant(y, m, d, sh, sm), endsAt: vnInstant(y, m, d, eh, em) };
}

/** Sessions that have not ended at `now`, in order, over the next `horizonDays` days. */
export function upcomingSessions(rules: ReceptionRule[], now: Date, horizonDays = 62): ReceptionSession[] {
  const p = vnParts(now);
  const today = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const out: ReceptionSession[] = [];
  for (let i = 0; i <= horizonDays; i++) {
    const date = addDays(today, i);
    for (const rule of rules) {
      if (!occursOn(rule, date)) continue;
      const s = sessionOn(rule, date);
      if (s.endsAt.getTime() > now.getTime()) out.push(s);
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export const nextSession = (rules: ReceptionRule[], now: Date): ReceptionSession | null =>
  upcomingSessions(rules, now)[0] ?? null;
