import { compareVi } from '../../../lib/vn-text/index.js';
/** Figures of one month and field: dossiers received online / in person, resolved / resolved on time. */
export interface MonthlyFigure {
  year: number;
  month: number;
  field: string;
  receivedOnline: number;
  receivedInPerson: number;
  resolved: number;
  resolvedOnTime: number;
}

export interface RateSummary {
  receivedOnline: number;
  receivedInPerson: number;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  /** Percent with one decimal, or null when nothing was received/resolved. */
  onlineRate: number | null;
  onTimeRate: number | null;
}

/** Percent with one decimal place (half away from zero), null for an empty denominator. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function summarise(rows: MonthlyFigure[]): RateSummary {
  const sum = (f: (r: MonthlyFigure) => number) => rows.reduce((s, r) => s + f(r), 0);
  const receivedOnline = sum((r) => r.receivedOnline);
  const receivedInPerson = sum((r) => r.receivedInPerson);
  const resolved = sum((r) => r.resolved);
  const resolvedOnTime = sum((r) => r.resolvedOnTime);
  const received = receivedOnline + receivedInPerson;
  return {
    receivedOnline, receivedInPerson, received, resolved, resolvedOnTime,
    onlineRate: percent(receivedOnline, received),
    onTimeRate: percent(resolvedOnTime, resolved),
  };
}

export interface YearStats {
  year: number;
  total: RateSummary;
  byMonth: ({ month: number } & RateSummary)[];
  byField: ({ field: string } & RateSummary)[];
}

/** Totals for the year, each of the 12 months (empty months included) and each field (sorted by name). */
export function yearStats(year: number, rows: MonthlyFigure[]): YearStats {
  const ofYear = rows.filter((r) => r.year === year);
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...summarise(ofYear.filter((r) => r.month === i + 1)) }));
  const fields = [...new Set(ofYear.map((r) => r.field))].sort(compareVi);
  const byField = fields.map((field) => ({ field, ...summarise(ofYear.filter((r) => r.field === field)) }));
  return { year, total: summarise(ofYear), byMonth, byField };
}
