import { addDays, lunarToSolar, type IsoDate } from '../../../lib/vn-calendar/index.js';

/**
 * Occasions on which the head of the ward's government sends greetings. Solar ones are fixed;
 * Tết and Mid-Autumn are lunar and computed with the project's lunar routine (Vietnam time).
 */
export interface Occasion { key: string; name: string; date: IsoDate; lunar: boolean }

interface OccasionSpec { key: string; name: string; solar?: [number, number]; lunar?: [number, number] }

export const OCCASION_SPECS: OccasionSpec[] = [
  { key: 'new-year', name: 'Tết Dương lịch', solar: [1, 1] },
  { key: 'tet', name: 'Tết Nguyên đán', lunar: [1, 1] },
  { key: 'party-founding', name: 'Ngày thành lập Đảng Cộng sản Việt Nam (3/2)', solar: [2, 3] },
  { key: 'women-day', name: 'Ngày Quốc tế Phụ nữ (8/3)', solar: [3, 8] },
  { key: 'hung-kings', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', lunar: [3, 10] },
  { key: 'reunification', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)', solar: [4, 30] },
  { key: 'labour-day', name: 'Ngày Quốc tế Lao động (1/5)', solar: [5, 1] },
  { key: 'war-invalids', name: 'Ngày Thương binh - Liệt sĩ (27/7)', solar: [7, 27] },
  { key: 'national-day', name: 'Ngày Quốc khánh (2/9)', solar: [9, 2] },
  { key: 'mid-autumn', name: 'Tết Trung thu (15/8 âm lịch)', lunar: [8, 15] },
  { key: 'elderly-day', name: 'Ngày Quốc tế Người cao tuổi (1/10)', solar: [10, 1] },
  { key: 'women-vn', name: 'Ngày Phụ nữ Việt Nam (20/10)', solar: [10, 20] },
  { key: 'teachers-day', name: 'Ngày Nhà giáo Việt Nam (20/11)', solar: [11, 20] },
  { key: 'great-unity', name: 'Ngày hội Đại đoàn kết toàn dân tộc (18/11)', solar: [11, 18] },
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The occasions falling in solar year `year`, by date.
 * @example occasionsOfYear(2026).find((o) => o.key === 'tet')?.date // '2026-02-17'
 */
export function occasionsOfYear(year: number): Occasion[] {
  return OCCASION_SPECS.map((s) => {
    const date = s.solar
      ? `${year}-${pad(s.solar[0])}-${pad(s.solar[1])}`
      : lunarToSolar({ day: s.lunar![1], month: s.lunar![0], year, leap: false })!;
    return { key: s.key, name: s.name, date, lunar: !s.solar };
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Days ahead of an occasion when the drafting reminder goes out. */
export const REMINDER_DAYS = 10;

/** Occasions whose reminder day is `today` (exactly REMINDER_DAYS before). */
export const occasionsToRemind = (today: IsoDate): Occasion[] =>
  [...occasionsOfYear(Number(today.slice(0, 4))), ...occasionsOfYear(Number(today.slice(0, 4)) + 1)]
    .filter((o) => addDays(o.date, -REMINDER_DAYS) === today);

export const findOccasion = (key: string, year: number): Occasion | undefined =>
  occasionsOfYear(year).find((o) => o.key === key);
