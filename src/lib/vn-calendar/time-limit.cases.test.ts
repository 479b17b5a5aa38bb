/**
 * Worked cases of the deadline engine (RULES-VN.md §1.4, §2.2; docs/deadlines.md): units ×
 * cut-offs × holidays × holiday-year confidence. Each row's comment gives the reason, so a
 * reviewer can check the expected date by hand. Times are Vietnam wall-clock times.
 * Shipped tables: 2025 and 2026 official, 2027 computed from the rules.
 */
import { describe, expect, test } from 'vitest';
import { parseHolidayYear } from './holidays.js';
import { shippedCalendar, shippedTables } from './test-tables.js';
import { type DeadlineInput, type TimeLimitKind, computeDeadline } from './time-limit.js';
import { buildWorkCalendar } from './working-days.js';
import { parseWorkingHours } from './working-hours.js';

const cal = shippedCalendar();
const at = (local: string) => new Date(`${local}:00+07:00`);

interface Case {
  start: string;
  kind: TimeLimitKind;
  n: number;
  procedureCutoff?: string;
  unitCutoff?: string;
  hours?: string;
  pauses?: Array<[string, string | null]>;
  /** 'YYYY-MM-DD HH:MM' (Vietnam) or null while paused. */
  due: string | null;
  confidence: 'official' | 'expected' | 'computed';
}

const CASES: Case[] = [
  // --- working days, official 2026 table ---
  // 1. The rule's own example: Thu 12/02 + 2 → Fri 13/02 is day 1, Tết 14–22/02 off, Mon 23/02 day 2.
  { start: '2026-02-12T09:00', kind: 'working_days', n: 2, due: '2026-02-23 17:00', confidence: 'official' },
  // 2. Art. 147: the day of receipt is not counted → Tue 03/03.
  { start: '2026-03-02T10:00', kind: 'working_days', n: 1, due: '2026-03-03 17:00', confidence: 'official' },
  // 3. Friday + 1 → the weekend is skipped → Mon 09/03.
  { start: '2026-03-06T10:00', kind: 'working_days', n: 1, due: '2026-03-09 17:00', confidence: 'official' },
  // 4. Mon + 5 working days → next Monday.
  { start: '2026-03-02T10:00', kind: 'working_days', n: 5, due: '2026-03-09 17:00', confidence: 'official' },
  // 5. Fri 20:36 is after office hours → received Mon 07/12 07:30; + 2 → Wed 09/12 (not Tue 08/12).
  { start: '2026-12-04T20:36', kind: 'working_days', n: 2, due: '2026-12-09 17:00', confidence: 'official' },
  // 6. Received Saturday → counts from Mon 07/12; + 1 → Tue 08/12.
  { start: '2026-12-05T09:00', kind: 'working_days', n: 1, due: '2026-12-08 17:00', confidence: 'official' },
  // 7. Fri 09/01/2026 + 1: Sat 10/01 is worked in exchange for Fri 02/01 → due Sat 10/01.
  { start: '2026-01-09T10:00', kind: 'working_days', n: 1, due: '2026-01-10 17:00', confidence: 'official' },
  // 8. Wed 31/12/2025 + 1: 01/01 holiday, 02/01 swapped off, 03–04/01 weekend → Mon 05/01/2026.
  { start: '2025-12-31T10:00', kind: 'working_days', n: 1, due: '2026-01-05 17:00', confidence: 'official' },
  // 9. Fri 24/04 + 1: Giỗ Tổ falls on Sun 26/04, compensatory Mon 27/04 → Tue 28/04.
  { start: '2026-04-24T10:00', kind: 'working_days', n: 1, due: '2026-04-28 17:00', confidence: 'official' },
  // 10. Wed 29/04 + 1: 30/04–03/05 off → Mon 04/05.
  { start: '2026-04-29T10:00', kind: 'working_days', n: 1, due: '2026-05-04 17:00', confidence: 'official' },
  // 11. Fri 21/08 + 1: Sat 22/08 is worked (swapped with Mon 31/08) → due Sat 22/08.
  { start: '2026-08-21T10:00', kind: 'working_days', n: 1, due: '2026-08-22 17:00', confidence: 'official' },
  // 12. Fri 28/08 + 1: National Day break 29/08–02/09 → Thu 03/09.
  { start: '2026-08-28T10:00', kind: 'working_days', n: 1, due: '2026-09-03 17:00', confidence: 'official' },
  // 13. 07:00 is before opening → counts from 07:30 the same day; + 1 → Tue 03/03.
  { start: '2026-03-02T07:00', kind: 'working_days', n: 1, due: '2026-03-03 17:00', confidence: 'official' },
  // 14. 12:00 is the lunch break → counts from 13:30 the same day; the day is unchanged.
  { start: '2026-03-02T12:00', kind: 'working_days', n: 1, due: '2026-03-03 17:00', confidence: 'official' },
  // 15. 17:00 is closing time (periods end exclusive) → received Tue 03/03; + 1 → Wed 04/03.
  { start: '2026-03-02T17:00', kind: 'working_days', n: 1, due: '2026-03-04 17:00', confidence: 'official' },
  // 16. Unit-wide cut-off 16:00, received 16:30 → Tue 03/03; + 1 → Wed 04/03.
  { start: '2026-03-02T16:30', kind: 'working_days', n: 1, unitCutoff: '16:00', due: '2026-03-04 17:00', confidence: 'official' },
  // 17. Same, received 15:59, before the cut-off → counts Mon; + 1 → Tue 03/03.
  { start: '2026-03-02T15:59', kind: 'working_days', n: 1, unitCutoff: '16:00', due: '2026-03-03 17:00', confidence: 'official' },
  // 18. Thu 24/12/2026 + 10 crosses into 2027 (01/01 off) → Fri 08/01/2027; 2027 is computed.
  { start: '2026-12-24T10:00', kind: 'working_days', n: 10, due: '2027-01-08 17:00', confidence: 'computed' },
  // 19. Thu 24/12/2026 + 5 stays in 2026 → Thu 31/12/2026, official.
  { start: '2026-12-24T10:00', kind: 'working_days', n: 5, due: '2026-12-31 17:00', confidence: 'official' },
  // 20. 2025 official table: Fri 24/01/2025 + 1, Tết 25/01–02/02/2025 → Mon 03/02/2025.
  { start: '2025-01-24T10:00', kind: 'working_days', n: 1, due: '2025-02-03 17:00', confidence: 'official' },
  // 21. A supplement pause Tue 03/03 → Thu 05/03: Tue 03/03 counts (day 1), 04 and 05/03 do not
  //     (the days after the pause starts up to the day it ends), Fri 06/03 is day 2.
  {
    start: '2026-03-02T09:00', kind: 'working_days', n: 2, pauses: [['2026-03-03T09:00', '2026-03-05T10:00']],
    due: '2026-03-06 17:00', confidence: 'official',
  },
  // 22. An open pause: no due date yet.
  { start: '2026-03-02T09:00', kind: 'working_days', n: 2, pauses: [['2026-03-03T09:00', null]], due: null, confidence: 'official' },

  // --- calendar days (Civil Code art. 147, 148) ---
  // 23. The case: Fri 04/12/2026 + 30 days = Sun 03/01/2027 → Mon 04/01/2027 (not 18/01).
  { start: '2026-12-04T09:00', kind: 'calendar_days', n: 30, due: '2027-01-04 17:00', confidence: 'computed' },
  // 24. Mon 02/03 + 30 = Wed 01/04, a working day.
  { start: '2026-03-02T09:00', kind: 'calendar_days', n: 30, due: '2026-04-01 17:00', confidence: 'official' },
  // 25. Fri 06/03 + 15 = Sat 21/03 → Mon 23/03 (art. 148).
  { start: '2026-03-06T09:00', kind: 'calendar_days', n: 15, due: '2026-03-23 17:00', confidence: 'official' },
  // 26. Mon 09/02 + 10 = Thu 19/02 (Tết) → the break lasts to 22/02 → Mon 23/02.
  { start: '2026-02-09T09:00', kind: 'calendar_days', n: 10, due: '2026-02-23 17:00', confidence: 'official' },
  // 27. Fri 10/04 + 16 = Sun 26/04 (Giỗ Tổ), Mon 27/04 compensatory → Tue 28/04.
  { start: '2026-04-10T09:00', kind: 'calendar_days', n: 16, due: '2026-04-28 17:00', confidence: 'official' },
  // 28. Received Sat 05/12 → counts from Mon 07/12; + 20 = Sun 27/12 → Mon 28/12.
  { start: '2026-12-05T10:00', kind: 'calendar_days', n: 20, due: '2026-12-28 17:00', confidence: 'official' },
  // 29. Fri 20:36 → counts from Mon 07/12; + 20 = Sun 27/12 → Mon 28/12.
  { start: '2026-12-04T20:36', kind: 'calendar_days', n: 20, due: '2026-12-28 17:00', confidence: 'official' },
  // 30. Pause Wed 04/03 → Fri 06/03: 05 and 06/03 not counted; + 10 = Sat 14/03 → Mon 16/03.
  {
    start: '2026-03-02T09:00', kind: 'calendar_days', n: 10, pauses: [['2026-03-04T09:00', '2026-03-06T10:00']],
    due: '2026-03-16 17:00', confidence: 'official',
  },
  // 31. Adoption received Tue 15/12/2026 + 30 = Thu 14/01/2027, a working day; 2027 computed.
  { start: '2026-12-15T09:00', kind: 'calendar_days', n: 30, due: '2027-01-14 17:00', confidence: 'computed' },
  // 32. Wed 01/07/2026 + 30 = Fri 31/07.
  { start: '2026-07-01T09:00', kind: 'calendar_days', n: 30, due: '2026-07-31 17:00', confidence: 'official' },
  // 33. Religious activity, 15 days: Fri 14/08 + 15 = Sat 29/08, National Day break → Thu 03/09.
  { start: '2026-08-14T09:00', kind: 'calendar_days', n: 15, due: '2026-09-03 17:00', confidence: 'official' },

  // --- working hours (office hours 07:30–11:30, 13:30–17:00 unless stated) ---
  // 34. 08:00 + 4 h: 3.5 h to 11:30, 0.5 h after lunch → 14:00.
  { start: '2026-03-02T08:00', kind: 'working_hours', n: 4, due: '2026-03-02 14:00', confidence: 'official' },
  // 35. 16:00 + 4 h: 1 h to 17:00, 3 h next morning → Tue 10:30.
  { start: '2026-03-02T16:00', kind: 'working_hours', n: 4, due: '2026-03-03 10:30', confidence: 'official' },
  // 36. Fri 16:00 + 4 h: 1 h Friday, weekend skipped, 3 h Monday → Mon 09/03 10:30.
  { start: '2026-03-06T16:00', kind: 'working_hours', n: 4, due: '2026-03-09 10:30', confidence: 'official' },
  // 37. Fri 13/02 15:00 + 8 h: 2 h Friday, Tết to 22/02, 6 h Monday → Mon 23/02 15:30.
  { start: '2026-02-13T15:00', kind: 'working_hours', n: 8, due: '2026-02-23 15:30', confidence: 'official' },
  // 38. Received Saturday → Mon 09/03 07:30 + 2 h → 09:30.
  { start: '2026-03-07T10:00', kind: 'working_hours', n: 2, due: '2026-03-09 09:30', confidence: 'official' },
  // 39. 12:15 (lunch) → from 13:30 + 1 h → 14:30.
  { start: '2026-03-02T12:15', kind: 'working_hours', n: 1, due: '2026-03-02 14:30', confidence: 'official' },
  // 40. 07:30 + 4 h ends exactly at the end of the morning → 11:30.
  { start: '2026-03-02T07:30', kind: 'working_hours', n: 4, due: '2026-03-02 11:30', confidence: 'official' },
  // 41. A unit working 08:00–12:00, 13:00–17:00: 07:45 → 08:00 + 4 h → 12:00.
  { start: '2026-03-02T07:45', kind: 'working_hours', n: 4, hours: '08:00-12:00,13:00-17:00', due: '2026-03-02 12:00', confidence: 'official' },
  // 42. Thu 31/12/2026 16:00 + 4 h: 1 h, then 01/01/2027 off and the weekend → Mon 04/01/2027 10:30, computed.
  { start: '2026-12-31T16:00', kind: 'working_hours', n: 4, due: '2027-01-04 10:30', confidence: 'computed' },
  // 43. Unit cut-off 16:00 also moves an hours limit: 16:10 → Tue 07:30 + 2 h → 09:30.
  { start: '2026-03-02T16:10', kind: 'working_hours', n: 2, unitCutoff: '16:00', due: '2026-03-03 09:30', confidence: 'official' },

  // --- same day ("trong ngày"), 15:00 sector cut-off (Decree 23/2015 art. 7; Decree 123/2015) ---
  // 44. 10:00 before the cut-off → the same day.
  { start: '2026-03-02T10:00', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-03-02 17:00', confidence: 'official' },
  // 45. The case: 16:00 is after 15:00 → the next working day.
  { start: '2026-03-02T16:00', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-03-03 17:00', confidence: 'official' },
  // 46. Exactly 15:00 counts as after the cut-off.
  { start: '2026-03-02T15:00', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-03-03 17:00', confidence: 'official' },
  // 47. 14:59 is before it → the same day.
  { start: '2026-03-02T14:59', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-03-02 17:00', confidence: 'official' },
  // 48. The death registration: Fri 04/12/2026 20:36 → Mon 07/12, not "due this evening".
  { start: '2026-12-04T20:36', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-12-07 17:00', confidence: 'official' },
  // 49. Fri 13/02 15:30 (after the cut-off, Tết next) → Mon 23/02.
  { start: '2026-02-13T15:30', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-02-23 17:00', confidence: 'official' },
  // 50. Sat 10/01/2026 is a working Saturday → settled that day.
  { start: '2026-01-10T09:00', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2026-01-10 17:00', confidence: 'official' },
  // 51. Without a procedure cut-off, 16:30 is inside office hours → the same day.
  { start: '2026-03-02T16:30', kind: 'same_day', n: 0, due: '2026-03-02 17:00', confidence: 'official' },
  // 52. Thu 31/12/2026 16:00 → next working day Mon 04/01/2027 (01/01 off, weekend), computed year.
  { start: '2026-12-31T16:00', kind: 'same_day', n: 0, procedureCutoff: '15:00', due: '2027-01-04 17:00', confidence: 'computed' },
  // 53. A unit cut-off earlier than the procedure's wins: 14:30 ≥ 14:00 → next day.
  {
    start: '2026-03-02T14:30', kind: 'same_day', n: 0, procedureCutoff: '15:00', unitCutoff: '14:00',
    due: '2026-03-03 17:00', confidence: 'official',
  },
];

const local = (d: Date) => {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
};

function run(c: Case, calendar = cal) {
  const input: DeadlineInput = {
    receivedAt: at(c.start), limit: { kind: c.kind, value: c.n },
    procedureCutoff: c.procedureCutoff, unitCutoff: c.unitCutoff,
    workingHours: c.hours ? parseWorkingHours(c.hours)! : undefined,
    pauses: (c.pauses ?? []).map(([from, to]) => ({ from: at(from), to: to ? at(to) : null })),
  };
  return computeDeadline(calendar, input);
}

describe('deadline engine — worked cases', () => {
  test('there are at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  test.each(CASES.map((c, i) => [i + 1, c] as const))('case %i', (_i, c) => {
    const r = run(c);
    expect(r.due === null ? null : local(r.due)).toBe(c.due);
    expect(r.confidence).toBe(c.confidence);
    expect(r.unconfirmedYears.length > 0).toBe(c.confidence !== 'official');
  });
});

describe('holiday-year confidence', () => {
  const tables = shippedTables();
  const with2026 = (confidence: 'expected' | 'computed') => buildWorkCalendar(tables.map((t) => t.year === 2026
    ? parseHolidayYear({ ...t, confirmed: false, confidence }) : t));

  // 54. 2026 only announced (expected): a date inside 2026 says so.
  test('an expected year makes the due date expected', () => {
    const r = run(CASES[1], with2026('expected'));
    expect(r.confidence).toBe('expected');
    expect(r.explanation.vi.join(' ')).toContain('Lịch nghỉ năm 2026 theo phương án dự kiến');
  });

  // 55. The official 2027 notice arrives and closes Mon 04/01/2027 (hypothetical): case 23 moves to
  //     Tue 05/01/2027 and becomes official — the recomputation staff see after an import.
  test('an official table replaces a computed year and moves the date', () => {
    const t2027 = tables.find((t) => t.year === 2027)!;
    const official = parseHolidayYear({
      ...t2027, confirmed: true, confidence: 'official', source: 'Thông báo (giả định cho kiểm thử)',
      days_off: [...t2027.days_off, { date: '2027-01-04', name_vi: 'Nghỉ hoán đổi', name_en: 'Swapped day off', kind: 'swapped_off' }],
    });
    const r = run(CASES[22], buildWorkCalendar([...tables.filter((t) => t.year !== 2027), official]));
    expect(local(r.due!)).toBe('2027-01-05 17:00');
    expect(r.confidence).toBe('official');
  });

  test('the explanation lists the skipped days with their reason', () => {
    const r = run(CASES[22]);
    expect(r.explanation.vi.join('\n')).toContain('Điều 148');
    expect(r.skipped.map((s) => s.date)).toEqual(['2027-01-03']);
    const t = run(CASES[47]);
    expect(t.explanation.vi[0]).toBe('Nhận thứ Sáu 04/12/2026 20:36 (sau giờ làm việc): tính là nhận lúc thứ Hai 07/12/2026 07:30.');
    expect(t.skipped.map((s) => s.reason)).toEqual(['Thứ Bảy', 'Chủ nhật']);
  });
});
