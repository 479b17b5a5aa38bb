/**
 * Vietnamese lunisolar calendar (âm lịch), solar ↔ lunar, for 1900–2100.
 *
 * Algorithm of Hồ Ngọc Đức ("Âm lịch Việt Nam", informatik.uni-leipzig.de/~duc/amlich/):
 * the 11th lunar month is the one containing the winter
 * solstice, and in a 13-month year the leap month is the first month without a major solar
 * term (trung khí). New moons come from Meeus' full series (./new-moon.ts) rather than the
 * shortened one in Hồ Ngọc Đức's JavaScript, which misplaces new moons that fall within a
 * few minutes of midnight (months starting 09/12/2072 and 15/11/2077). Days start at local midnight in UTC+7, which is why Vietnam's calendar
 * differs from China's (UTC+8) in some years, e.g. Tết 1985 (21/01 in Vietnam, 20/02 in
 * China) and Tết 2007 (17/02 vs 18/02). Calendars printed in North Vietnam before 1968 used
 * UTC+8; pass `timeZone = 8` to reproduce them.
 */
import { newMoonJdUt } from './new-moon.js';
import { type IsoDate, dayNumberOf, fromDayNumber, toDayNumber } from './plain-date.js';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary (nhuận) month. */
  leap: boolean;
}

export const VN_TIME_ZONE = 7;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const JD_UNIX_EPOCH = 2440588; // Julian day number of 1970-01-01
const SYNODIC = 29.530588853;
const K_EPOCH = 2415021.076998695; // new moon of 1900-01-01
const DR = Math.PI / 180;

/**
 * Julian day number of the local day (UTC+timeZone) containing new moon `k`, counted as in
 * Hồ Ngọc Đức's code (k = 0: the new moon of 1900-01-01; Meeus' k = 0 is 1237 lunations later).
 */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJdUt(k - 1237) + 0.5 + timeZone / 24);
}

/** Julian day of the first day of the lunar month containing day `jd`. */
function monthStartOf(jd: number, timeZone: number): number {
  let k = Math.floor((jd - K_EPOCH) / SYNODIC);
  while (newMoonDay(k, timeZone) > jd) k--;
  while (newMoonDay(k + 1, timeZone) <= jd) k++;
  return newMoonDay(k, timeZone);
}

/** Sector 0–11 (30° each) of the sun's longitude at local midnight starting day `jdn`. */
function sunLongitudeSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

function jdOf(year: number, month: number, day: number): number {
  return dayNumberOf(year, month, day) + JD_UNIX_EPOCH;
}

/** Julian day of the first day of the 11th lunar month (containing the winter solstice) of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdOf(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC);
  const nm = newMoonDay(k, timeZone);
  return sunLongitudeSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (months after month 11 starting at a11) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - K_EPOCH) / SYNODIC + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR - 1 || year > MAX_YEAR + 1) {
    throw new RangeError(`Lunar calendar supports ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

/**
 * Lunar date (Vietnam) of a solar date.
 * @example solarToLunar('2026-02-17') // { day: 1, month: 1, year: 2026, leap: false }
 */
export function solarToLunar(date: IsoDate, timeZone = VN_TIME_ZONE): LunarDate {
  const jd = toDayNumber(date) + JD_UNIX_EPOCH;
  const yy = Number(date.slice(0, 4));
  checkYear(yy);
  const monthStart = monthStartOf(jd, timeZone);
  let a11 = lunarMonth11(yy, timeZone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, timeZone);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, timeZone);
  }
  const day = jd - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * Solar date of a lunar date; null when it does not exist (a leap flag on a month that is not
 * the leap month, or day 30 of a 29-day month).
 * @example lunarToSolar({ day: 10, month: 3, year: 2026, leap: false }) // '2026-04-26'
 */
export function lunarToSolar(l: LunarDate, timeZone = VN_TIME_ZONE): IsoDate | null {
  checkYear(l.year);
  if (!Number.isInteger(l.day) || l.day < 1 || l.day > 30) return null;
  if (!Number.isInteger(l.month) || l.month < 1 || l.month > 12) return null;
  const [a11, b11] = l.month < 11
    ? [lunarMonth11(l.year - 1, timeZone), lunarMonth11(l.year, timeZone)]
    : [lunarMonth11(l.year, timeZone), lunarMonth11(l.year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - K_EPOCH) / SYNODIC);
  let off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (l.leap && l.month !== leapMonth) return null;
    if (l.leap || off >= leapOff) off += 1;
  } else if (l.leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, timeZone);
  if (l.day > newMoonDay(k + off + 1, timeZone) - monthStart) return null;
  return fromDayNumber(monthStart + l.day - 1 - JD_UNIX_EPOCH);
}

/**
 * Solar date of Tết (mùng 1 tháng Giêng) of lunar year `year`.
 * @example tetDate(2030) // '2030-02-02' (Vietnam time; China's Tết is 03/02)
 */
export function tetDate(year: number, timeZone = VN_TIME_ZONE): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }, timeZone) as IsoDate;
}

/**
 * The leap month (1–12) of lunar year `year`, or 0 when the year has 12 months.
 * @example leapMonthOf(2025) // 6 (tháng 6 nhuận Ất Tỵ)
 */
export function leapMonthOf(year: number, timeZone = VN_TIME_ZONE): number {
  const next = toDayNumber(tetDate(year + 1, timeZone));
  for (let d = toDayNumber(tetDate(year, timeZone)); d < next; d += 28) {
    const l = solarToLunar(fromDayNumber(d), timeZone);
    if (l.leap) return l.month;
  }
  return 0;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/**
 * Sexagenary (Can Chi) name of lunar year `year`.
 * @example canChiOfYear(2026) // 'Bính Ngọ'
 */
export function canChiOfYear(year: number): string {
  return `${STEMS[(((year + 6) % 10) + 10) % 10]} ${BRANCHES[(((year + 8) % 12) + 12) % 12]}`;
}
