import { describe, expect, test } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../../../lib/vn-calendar/index.js';
import { shippedCalendar } from '../../../lib/vn-calendar/test-tables.js';
import { computeDue, computeDueDate, isDueSoon, isFastTrack } from './deadline.js';

const cal = shippedCalendar();
const rules = (unitCutoff: string | null = null) => ({ calendar: cal, workingHours: DEFAULT_WORKING_HOURS, unitCutoff });
const vn = (s: string) => new Date(`${s}+07:00`);

describe('dossier due dates', () => {
  test('two working days from Thursday 12/02/2026 cross Tết', () => {
    expect(computeDueDate(rules(), { accepted_at: vn('2026-02-12T09:00:00'), working_days: 2, fast_track: false }, [])).toBe('2026-02-23');
  });
  test('not accepted yet → no due date', () => {
    expect(computeDueDate(rules(), { accepted_at: null, working_days: 2, fast_track: false }, [])).toBeNull();
  });
  test('a supplement pause after acceptance moves the due date; one before acceptance does not', () => {
    const d = { accepted_at: vn('2026-03-02T09:00:00'), working_days: 3, fast_track: false }; // Monday
    expect(computeDueDate(rules(), d, [])).toBe('2026-03-05');
    const pause = { started_at: vn('2026-03-03T10:00:00'), ended_at: vn('2026-03-05T10:00:00') };
    expect(computeDueDate(rules(), d, [pause])).toBe('2026-03-09'); // 04/03 and 05/03 not counted
    expect(computeDueDate(rules(), d, [{ started_at: vn('2026-03-03T10:00:00'), ended_at: null }])).toBeNull();
    const before = { started_at: vn('2026-02-25T10:00:00'), ended_at: vn('2026-03-02T09:00:00') };
    expect(computeDueDate(rules(), d, [before])).toBe('2026-03-05');
  });
  test('fast track: same day', () => {
    expect(computeDueDate(rules(), { accepted_at: vn('2026-03-04T09:00:00'), working_days: 3, fast_track: true }, [])).toBe('2026-03-04');
  });
  test("the unit's after-hours cut-off moves acceptance to the next working day", () => {
    const at = (t: string) => ({ accepted_at: vn(`2026-03-02T${t}`), working_days: 2, fast_track: false }); // Monday
    expect(computeDueDate(rules(), at('15:30:00'), [])).toBe('2026-03-04'); // no cut-off: none by default
    expect(computeDueDate(rules('15:00'), at('14:59:00'), [])).toBe('2026-03-04');
    expect(computeDueDate(rules('15:00'), at('15:00:00'), [])).toBe('2026-03-05'); // one working day later
    expect(computeDueDate(rules('15:00'), at('15:30:00'), [])).toBe('2026-03-05');
    // Friday 13/02/2026 after the cut-off: counting starts after Tết, on Monday 23/02.
    expect(computeDueDate(rules('15:00'), { accepted_at: vn('2026-02-13T15:30:00'), working_days: 1, fast_track: false }, [])).toBe('2026-02-24');
  });
  test('a fast-track dossier accepted after the cut-off is due the next working day', () => {
    const d = { accepted_at: vn('2026-02-13T15:30:00'), working_days: 3, fast_track: true };
    expect(computeDueDate(rules(), d, [])).toBe('2026-02-13');
    expect(computeDueDate(rules('15:00'), d, [])).toBe('2026-02-23');
    expect(computeDueDate(rules('15:00'), { ...d, accepted_at: vn('2026-02-13T10:00:00') }, [])).toBe('2026-02-13');
  });
  test('limits keep their unit: calendar days (art. 148), same day with the 15:00 cut-off', () => {
    const adoption = { accepted_at: vn('2026-12-04T09:00:00'), working_days: 30, limit_kind: 'calendar_days' as const, fast_track: false };
    const r = computeDue(rules(), adoption, [])!;
    expect([r.dueDate, r.confidence]).toEqual(['2027-01-04', 'computed']);
    const death = { accepted_at: vn('2026-12-04T20:36:00'), working_days: 0, limit_kind: 'same_day' as const, procedure_cutoff: '15:00', fast_track: false };
    expect(computeDue(rules(), death, [])!.due).toEqual(vn('2026-12-07T17:00:00'));
    expect(computeDueDate(rules(), { ...death, accepted_at: vn('2026-03-02T16:00:00') }, [])).toBe('2026-03-03');
    expect(computeDueDate(rules(), { ...death, accepted_at: vn('2026-03-02T14:00:00') }, [])).toBe('2026-03-02');
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
