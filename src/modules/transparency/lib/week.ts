import { addDays, vnParts } from './vn-time.js';

/** An ISO 8601 week (`2026-W48`): Monday … Sunday as `yyyy-mm-dd` dates. */
export interface IsoWeek { year: number; week: number; monday: string; sunday: string; days: string[] }

const pad = (n: number) => String(n).padStart(2, '0');

function mondayOfWeek1(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - (dow - 1)));
}

function weeksInYear(year: number): number {
  const next = mondayOfWeek1(year + 1).getTime();
  return Math.round((next - mondayOfWeek1(year).getTime()) / (7 * 86400_000));
}

function build(year: number, week: number): IsoWeek {
  const start = new Date(mondayOfWeek1(year).getTime() + (week - 1) * 7 * 86400_000);
  const monday = `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`;
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { year, week, monday, sunday: days[6], days };
}

/** Parses `2026-W48` (also `2026-w48`, `2026W48`); null when malformed or the week does not exist. */
export function parseIsoWeek(input: string): IsoWeek | null {
  const m = /^(\d{4})-?[Ww](\d{1,2})$/.exec(input.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInYear(year)) return null;
  return build(year, week);
}

/** The ISO week containing a `yyyy-mm-dd` date. */
export function isoWeekOfDate(date: string): IsoWeek {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = t.getUTCDay() || 7;
  const thursday = new Date(t.getTime() + (4 - dow) * 86400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - mondayOfWeek1(year).getTime()) / (7 * 86400_000));
  return build(year, week);
}

/** The ISO week of an instant, in Vietnam time. */
export function isoWeekOfInstant(at: Date): IsoWeek {
  const p = vnParts(at);
  return isoWeekOfDate(`${p.year}-${pad(p.month)}-${pad(p.day)}`);
}

export const formatIsoWeek = (w: { year: number; week: number }) => `${w.year}-W${pad(w.week)}`;

export const shiftWeek = (w: IsoWeek, by: number): IsoWeek => isoWeekOfDate(addDays(w.monday, 7 * by));
