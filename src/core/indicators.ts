import { addDays, monthBounds, vnDateOf, vnDayStart, weekdayOf, type IsoDate } from '../lib/vn-calendar/index.js';
import type { IndicatorContext, IndicatorDefinition, IndicatorValue } from './providers.js';

/**
 * Building blocks of a module's `indicators` (see `IndicatorSource` in providers.ts): the weeks
 * and months of the assessed year that count (none after `now`), and value constructors that
 * keep the `null` = "no data" rule in one place.
 */

/** The end of the counted period: the year's end, or `now` while the year is still running. */
export const countedUntil = (ctx: Pick<IndicatorContext, 'to' | 'now'>): Date => (ctx.now < ctx.to ? ctx.now : ctx.to);

export interface CountedWeek {
  /** Monday of the week ('YYYY-MM-DD', Vietnam). */
  monday: IsoDate;
  start: Date;
  end: Date;
}

/**
 * The weeks of the assessed year: those whose Monday falls in the calendar year (Vietnam time).
 * `started`: weeks begun by `now` (a duty due before the week starts); `ended`: weeks over by
 * `now` (a duty done some day within the week).
 */
export function countedWeeks(ctx: Pick<IndicatorContext, 'year' | 'now'>, mode: 'started' | 'ended'): CountedWeek[] {
  const jan1 = `${ctx.year}-01-01`;
  let monday = addDays(jan1, (8 - weekdayOf(jan1)) % 7);
  const weeks: CountedWeek[] = [];
  while (monday.startsWith(String(ctx.year))) {
    const start = vnDayStart(monday);
    const end = vnDayStart(addDays(monday, 7));
    if ((mode === 'started' ? start : end) > ctx.now) break;
    weeks.push({ monday, start, end });
    monday = addDays(monday, 7);
  }
  return weeks;
}

export interface CountedMonth { month: number; start: Date; end: Date }

/** The months (1–12) of the assessed year that are over by `now` (a duty of the month is done after it). */
export function countedMonths(ctx: Pick<IndicatorContext, 'year' | 'now'>): CountedMonth[] {
  const months: CountedMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    const { from: start, to: end } = monthBounds(`${ctx.year}-${String(month).padStart(2, '0')}`);
    if (end > ctx.now) break;
    months.push({ month, start, end });
  }
  return months;
}

/** The Vietnam date of an instant, for grouping stored timestamps by week or day. */
export const vnDate = (at: Date): IsoDate => vnDateOf(at);

type Extra = Omit<IndicatorValue, 'id' | 'value'>;

/** `numerator / denominator` in percent with one decimal; `null` (no data) when the denominator is 0. */
export function percentValue(id: string, numerator: number, denominator: number, extra: Omit<Extra, 'numerator' | 'denominator'> = {}): IndicatorValue {
  const value = denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
  return { id, value, numerator, denominator, ...extra };
}

/** 1 (yes) or 0 (no): a boolean indicator is always measured. */
export const booleanValue = (id: string, yes: boolean, extra: Extra = {}): IndicatorValue => ({ id, value: yes ? 1 : 0, ...extra });

export const countValue = (id: string, n: number | null, extra: Extra = {}): IndicatorValue => ({ id, value: n, ...extra });

/** A definition with `higherIsBetter` defaulted, written as one call per indicator. */
export function indicator(
  id: string, criterion: IndicatorDefinition['criterion'], unit: IndicatorDefinition['unit'],
  label: IndicatorDefinition['label'], formula: IndicatorDefinition['formula'], higherIsBetter = true,
): IndicatorDefinition {
  return { id, criterion, unit, label, formula, higherIsBetter };
}
