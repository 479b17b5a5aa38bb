/**
 * Types of the yearly holiday tables, apart from their parser (./holidays.ts) and generator
 * (./generate-holidays.ts) so that neither imports the other's module for a type.
 */
import type { IsoDate } from './plain-date.js';

export type HolidayKind =
  /** One of the 11 paid days of art. 112(1), wherever it falls. */
  | 'statutory'
  /** A day off in place of a statutory day that fell on Saturday or Sunday (art. 111(3)). */
  | 'compensatory'
  /** A weekday off swapped with a working Saturday (hoán đổi ngày làm việc). */
  | 'swapped_off'
  /** A Saturday or Sunday inside a holiday break, listed for readers. */
  | 'weekend_in_break'
  /** A day off added by the city or the unit (calendar override). */
  | 'override';

export const HOLIDAY_KINDS: readonly HolidayKind[] = [
  'statutory', 'compensatory', 'swapped_off', 'weekend_in_break', 'override',
];

export interface HolidayDay {
  date: IsoDate;
  name_vi: string;
  name_en: string;
  kind: HolidayKind;
}

export interface WorkingSaturday {
  date: IsoDate;
  reason: string;
}

export interface HolidayYear {
  year: number;
  days_off: HolidayDay[];
  /** Saturdays (or Sundays) that are working days for state agencies that year. */
  working_saturdays: WorkingSaturday[];
  /** Where the table comes from (legal basis, notices). */
  source: string;
  /** True only when every day is backed by the official yearly notice. */
  confirmed: boolean;
  /** True when computed from the rules because no table was shipped for the year. */
  generated?: boolean;
  /**
   * How far the table can be trusted: 'official' (the Government's yearly notice), 'expected'
   * (an announced plan not yet confirmed by a notice), 'computed' (generated from the rules).
   */
  confidence: HolidayConfidence;
}

export type HolidayConfidence = 'official' | 'expected' | 'computed';
export const HOLIDAY_CONFIDENCES: readonly HolidayConfidence[] = ['official', 'expected', 'computed'];

/**
 * The least trustworthy of several confidences ('computed' < 'expected' < 'official').
 * @example weakestConfidence(['official', 'computed']) // 'computed'
 */
export function weakestConfidence(list: Iterable<HolidayConfidence>): HolidayConfidence {
  let worst: HolidayConfidence = 'official';
  for (const c of list) if (HOLIDAY_CONFIDENCES.indexOf(c) > HOLIDAY_CONFIDENCES.indexOf(worst)) worst = c;
  return worst;
}
