/**
 * Vietnamese working-day calendar: lunar dates, yearly holiday tables, working days and
 * processing deadlines (RULES-VN.md §1 and §2.2). Pure: no I/O, no clock, no time-zone
 * surprises (dates are 'YYYY-MM-DD' strings; instants are converted to Vietnam dates explicitly).
 *
 * @example
 * import { buildWorkCalendar, dueDate, parseHolidayYear } from '../../lib/vn-calendar/index.js';
 * const cal = buildWorkCalendar([parseHolidayYear(table2026)]);
 * dueDate(cal, { acceptedAt: new Date('2026-02-12T09:00:00+07:00'), workingDays: 2 }).due // '2026-02-23'
 */
export {
  type IsoDate, addDays, byDate, fromDayNumber, isIsoDate, parseClock, toDayNumber, vnDateOf,
  vnDateTimeOf, weekdayOf,
} from './plain-date.js';
export {
  type LunarDate, canChiOfYear, leapMonthOf, lunarToSolar, solarToLunar, tetDate,
  MIN_YEAR, MAX_YEAR,
} from './lunar.js';
export {
  type HolidayConfidence, type HolidayDay, type HolidayKind, type HolidayYear, type WorkingSaturday,
  HOLIDAY_CONFIDENCES, HOLIDAY_KINDS, weakestConfidence,
} from './holiday-types.js';
export { HolidayTableError, holidayYearFor, parseHolidayYear } from './holidays.js';
export {
  type GenerateOptions, compensatoryDays, generateHolidayYear, statutoryDays,
} from './generate-holidays.js';
export {
  type CalendarOverride, type OffReason, type WorkCalendar, buildWorkCalendar, mergeOverrides,
} from './working-days.js';
export {
  type DueInput, type DueResult, type Pause, type SkippedDay, MAX_WORKING_DAYS, addWorkingDays,
  dueDate, isLate, nextWorkingDay, workingDaysBetween,
} from './deadline.js';
export {
  type WorkingHours, DEFAULT_WORKING_HOURS, DEFAULT_WORKING_HOURS_TEXT, closingMinute, formatClock,
  formatWorkingHours, nextWorkingMinute, openingMinute, parseWorkingHours,
} from './working-hours.js';
export {
  type DeadlineInput, type DeadlineResult, type TimeLimit, type TimeLimitKind, MAX_LIMIT, TIME_LIMIT_KINDS,
  computeDeadline, countFrom, vnInstant,
} from './time-limit.js';
export {
  type IsoWeek, type IsoWeekId, type VnWallTime, VN_OFFSET_MS, VN_TIME_ZONE, dateColumn, isoWeekAt, isoWeekOf,
  isoWeekdayOf, lastMonths, lastWeeks, mondayOf, monthBounds, parseIsoDate, parseVnIsoInstant, parseVnLocalDateTime, parseWeekKey,
  shiftWeek, vnDayStart, vnIsoString, vnLocalDateTime, vnParts, vnTimeOf, vnToday, vnWallInstant, vnYearOf, vnYearStart, weekKey, weeksInIsoYear,
  yearBounds,
} from './vn-time.js';
export {
  type DeadlineRules, HOLIDAYS_DIR, nationalCalendar, nationalRules, shippedHolidayYears,
} from './shipped.js';
