import { describe, expect, test } from 'vitest';
import { shippedCalendar } from '../../../lib/vn-calendar/test-tables.js';
import { computeDueDate, isDueSoon, isFastTrack } from './deadline.js';

const cal = shippedCalendar();
const vn = (s: string) => new Date(`${s}+07:00`);

describe('dossier due dates', () => {
  test('two working days from Thursday 12/02/2026 cross Tết', () => {
    expect(computeDueDate(cal, { accepted_at: vn('2026-02-12T09:00:00'), working_days: 2, fast_track: false }, [])).toBe('2026-02-23');
  });
  test('not accepted yet → no due date', () => {
    expect(computeDueDate(cal, { accepted_at: null, working_days: 2, fast_track: false }, [])).toBeNull();
  });
  test('a supplement pause after acceptance moves the due date; one before acceptance does not', () => {
    const d = { accepted_at: vn('2026-03-02T09:00:00'), working_days: 3, fast_track: false }; // Monday
    expect(computeDueDate(cal, d, [])).toBe('2026-03-05');
    const pause = { started_at: vn('2026-03-03T10:00:00'), ended_at: vn('2026-03-05T10:00:00') };
    expect(computeDueDate(cal, d, [pause])).toBe('2026-03-09'); // 04/03 and 05/03 not counted
    expect(computeDueDate(cal, d, [{ started_at: vn('2026-03-03T10:00:00'), ended_at: null }])).toBeNull();
    const before = { started_at: vn('2026-02-25T10:00:00'), ended_at: vn('2026-03-02T09:00:00') };
    expect(computeDueDate(cal, d, [before])).toBe('2026-03-05');
  });
  test('fast track: same day', () => {
    expect(computeDueDate(cal, { accepted_at: vn('2026-03-04T09:00:00'), working_days: 3, fast_track: true }, [])).toBe('2026-03-04');
  });
  test("the unit's after-hours cut-off moves acceptance to the next working day", () => {
    const at = (t: string) => ({ accepted_at: vn(`2026-03-02T${t}`), working_days: 2, fast_track: false }); // Monday
    expect(computeDueDate(cal, at('15:30:00'), [])).toBe('2026-03-04'); // no cut-off: none by default
    expect(computeDueDate(cal, at('14:59:00'), [], '15:00')).toBe('2026-03-04');
    expect(computeDueDate(cal, at('15:00:00'), [], '15:00')).toBe('2026-03-05'); // one working day later
    expect(computeDueDate(cal, at('15:30:00'), [], '15:00')).toBe('2026-03-05');
    // Friday 13/02/2026 after the cut-off: counting starts after Tết, on Monday 23/02.
    expect(computeDueDate(cal, { accepted_at: vn('2026-02-13T15:30:00'), working_days: 1, fast_track: false }, [], '15:00')).toBe('2026-02-24');
  });
  test('a fast-track dossier accepted after the cut-off is due the next working day', () => {
    const d = { accepted_at: vn('2026-02-13T15:30:00'), working_days: 3, fast_track: true };
    expect(computeDueDate(cal, d, [])).toBe('2026-02-13');
    expect(computeDueDate(cal, d, [], '15:00')).toBe('2026-02-23');
    expect(computeDueDate(cal, { ...d, accepted_at: vn('2026-02-13T10:00:00') }, [], '15:00')).toBe('2026-02-13');
  });
  test('fast-track day and procedure must both match', () => {
    const s = { fast_track_weekday: 3, fast_track_procedures: ['chung-thuc-ban-sao'] };
    expect(isFastTrack(s, 'chung-thuc-ban-sao', vn('2026-03-04T09:00:00'))).toBe(true); // Wednesday
    expect(isFastTrack(s, 'chung-thuc-ban-sao', vn('2026-03-05T09:00:00'))).toBe(false);
    expect(isFastTrack(s, 'dang-ky-ket-hon', vn('2026-03-04T09:00:00'))).toBe(false);
    expect(isFastTrack({ fast_track_weekday: null, fast_track_procedures: [] }, 'x', vn('2026-03-04T09:00:00'))).toBe(false);
  });
  test('due soon: today or the next working day', () => {
    expect(isDueSoon(cal, '2026-02-23', vn('2026-02-13T09:00:00'))).toBe(true); // Friday before Tết
    expect(isDueSoon(cal, '2026-02-24', vn('2026-02-13T09:00:00'))).toBe(false);
    expect(isDueSoon(cal, '2026-02-12', vn('2026-02-13T09:00:00'))).toBe(false); // already late
  });
});
