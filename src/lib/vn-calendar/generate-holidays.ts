/**
 * Statutory holidays of a year computed from the Labour Code 2019, for years that have no
 * shipped table (the Government fixes the real Tết and National Day days each year, art. 112(3)).
 *
 * Assumptions, stated because the law leaves them to the yearly decision:
 * - Tết: the last day of the old lunar year (30 or 29 tháng Chạp) and mùng 1–4 tháng Giêng.
 * - National Day: 2/9 plus the day before (1/9), unless `nationalDayAdjacent: 'after'`.
 * - A statutory day on Saturday or Sunday gives a compensatory day on the next weekday that is
 *   not itself a holiday (art. 111(3)); no Saturday swaps are invented.
 * - Vietnamese Culture Day 24/11 is added only with `cultureDay: true` (not law as of 2026).
 */
import type { HolidayDay, HolidayYear } from './holiday-types.js';
import { canChiOfYear, lunarToSolar, solarToLunar, tetDate } from './lunar.js';
import {
  type IsoDate, byDate, dayNumberOf, fromDayNumber, toDayNumber, weekdayOfDayNumber,
} from './plain-date.js';

export interface GenerateOptions {
  nationalDayAdjacent?: 'before' | 'after';
  cultureDay?: boolean;
}

type Statutory = Omit<HolidayDay, 'kind'>;

const ORDINAL_EN = ['', "Lunar New Year's Day", 'Lunar New Year (2nd day)',
  'Lunar New Year (3rd day)', 'Lunar New Year (4th day)'];

function solarDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(dayNumberOf(year, month, day));
}

function tetDays(year: number): Statutory[] {
  const first = toDayNumber(tetDate(year));
  const eve = fromDayNumber(first - 1);
  const eveDay = solarToLunar(eve).day;
  const canChi = canChiOfYear(year);
  const days: Statutory[] = [{
    date: eve,
    name_vi: `Tết Nguyên đán ${canChi} (${eveDay} tháng Chạp)`,
    name_en: "Lunar New Year's Eve",
  }];
  for (let i = 1; i <= 4; i++) {
    days.push({
      date: fromDayNumber(first + i - 1),
      name_vi: `Tết Nguyên đán ${canChi} (mùng ${i})`,
      name_en: ORDINAL_EN[i],
    });
  }
  return days;
}

/**
 * The 11 statutory days of `year` (12 with Culture Day), before compensatory days.
 * @example statutoryDays(2026).map((d) => d.date).slice(0, 3) // ['2026-01-01', '2026-02-16', '2026-02-17']
 */
export function statutoryDays(year: number, options: GenerateOptions = {}): Statutory[] {
  const hungKings = lunarToSolar({ day: 10, month: 3, year, leap: false }) as IsoDate;
  const adjacentDay = options.nationalDayAdjacent === 'after' ? 3 : 1;
  const days: Statutory[] = [
    { date: solarDate(year, 1, 1), name_vi: 'Tết Dương lịch', name_en: "New Year's Day" },
    ...tetDays(year),
    { date: hungKings, name_vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', name_en: "Hung Kings' Commemoration Day" },
    { date: solarDate(year, 4, 30), name_vi: 'Ngày Chiến thắng (30/4)', name_en: 'Reunification Day' },
    { date: solarDate(year, 5, 1), name_vi: 'Ngày Quốc tế Lao động (1/5)', name_en: 'International Labour Day' },
    { date: solarDate(year, 9, adjacentDay), name_vi: 'Quốc khánh (ngày liền kề)', name_en: 'National Day (adjacent day)' },
    { date: solarDate(year, 9, 2), name_vi: 'Quốc khánh (2/9)', name_en: 'National Day' },
  ];
  if (options.cultureDay) {
    days.push({ date: solarDate(year, 11, 24), name_vi: 'Ngày Văn hóa Việt Nam (24/11)', name_en: 'Vietnamese Culture Day' });
  }
  return days.sort(byDate);
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Compensatory days (art. 111(3)) for the statutory days that fall on Saturday or Sunday, or on
 * another statutory day (Giỗ Tổ can meet 30/4 or 1/5, e.g. 1947): each goes to the next weekday
 * that is neither a statutory day nor already a compensatory day.
 * @example compensatoryDays(statutoryDays(2026)).map((d) => d.date) // ['2026-04-27']
 */
export function compensatoryDays(statutory: Statutory[]): HolidayDay[] {
  const taken = new Set(statutory.map((d) => toDayNumber(d.date)));
  const seen = new Set<string>();
  const result: HolidayDay[] = [];
  for (const h of [...statutory].sort(byDate)) {
    const n = toDayNumber(h.date);
    const wd = weekdayOfDayNumber(n);
    const clash = seen.has(h.date);
    seen.add(h.date);
    if (wd !== 0 && wd !== 6 && !clash) continue;
    let c = n + 1;
    while (taken.has(c) || [0, 6].includes(weekdayOfDayNumber(c))) c++;
    taken.add(c);
    const [dd, mm] = [h.date.slice(8, 10), h.date.slice(5, 7)];
    const [onVi, onEn] = clash ? ['một ngày lễ khác', 'another holiday'] : [WEEKDAY_VI[wd], WEEKDAY_EN[wd]];
    result.push({
      date: fromDayNumber(c),
      name_vi: `Nghỉ bù ${h.name_vi} (trùng ${onVi} ${dd}/${mm})`,
      name_en: `Compensatory day for ${h.name_en} (fell on ${onEn} ${dd}/${mm})`,
      kind: 'compensatory',
    });
  }
  return result;
}

/** One entry per date; two statutory days on one date share it, names joined. */
function mergeSameDate(days: HolidayDay[]): HolidayDay[] {
  const byDateMap = new Map<string, HolidayDay>();
  for (const d of days) {
    const prev = byDateMap.get(d.date);
    byDateMap.set(d.date, prev
      ? { ...prev, name_vi: `${prev.name_vi}; ${d.name_vi}`, name_en: `${prev.name_en}; ${d.name_en}` }
      : d);
  }
  return [...byDateMap.values()];
}

/**
 * A holiday table computed from the rules, flagged `confirmed: false, generated: true`.
 * @example generateHolidayYear(2030).days_off.find((d) => d.name_en === "Lunar New Year's Day")?.date // '2030-02-02'
 */
export function generateHolidayYear(year: number, options: GenerateOptions = {}): HolidayYear {
  const statutory = statutoryDays(year, options);
  const days = mergeSameDate([
    ...statutory.map((d): HolidayDay => ({ ...d, kind: 'statutory' })),
    ...compensatoryDays(statutory),
  ]).filter((d) => d.date.startsWith(`${year}-`));
  return {
    year,
    days_off: days.sort(byDate),
    working_saturdays: [],
    source: 'Tính theo Bộ luật Lao động 2019 Điều 111(3), 112 (chưa có thông báo chính thức): '
      + 'Tết = ngày cuối năm âm lịch + mùng 1–4; Quốc khánh 2/9 + '
      + (options.nationalDayAdjacent === 'after' ? '3/9' : '1/9') + '; nghỉ bù ngày làm việc kế tiếp.',
    confirmed: false,
    generated: true,
    confidence: 'computed',
  };
}
