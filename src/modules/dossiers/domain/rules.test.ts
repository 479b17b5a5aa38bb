import { describe, expect, test } from 'vitest';
import { apologyChannel, apologyErrors, apologyIsLate, apologySendStatus, apologySms, isLate, isLateAfterApology, promisedDate, returnBlockedReason, timingOf } from './rules.js';

const at = (s: string) => new Date(s);

describe('timing', () => {
  test('compares Vietnam dates', () => {
    expect(timingOf('2026-03-10', at('2026-03-09T09:00:00Z'))).toBe('early');
    expect(timingOf('2026-03-10', at('2026-03-10T09:00:00Z'))).toBe('on_time');
    // 18:00 UTC on the 10th is already the 11th in Vietnam.
    expect(timingOf('2026-03-10', at('2026-03-10T18:00:00Z'))).toBe('late');
    expect(timingOf(null, at('2026-03-10T09:00:00Z'))).toBeNull();
  });
});

describe('late dossiers and the apology rule', () => {
  const pending = { status: 'processing' as const, due_date: '2026-03-10', result_at: null, apologies: 0 };
  test('a pending dossier becomes late the day after its due date', () => {
    expect(isLate(pending, at('2026-03-10T10:00:00Z'))).toBe(false);
    expect(isLate(pending, at('2026-03-11T01:00:00Z'))).toBe(true);
  });
  test('a late dossier cannot be returned without an apology', () => {
    const late = { ...pending, status: 'result_ready' as const, result_at: at('2026-03-12T03:00:00Z') };
    expect(returnBlockedReason(late, at('2026-03-12T04:00:00Z'))).toMatch(/Mẫu 04/);
    expect(returnBlockedReason({ ...late, apologies: 1 }, at('2026-03-12T04:00:00Z'))).toBeNull();
    const onTime = { ...late, result_at: at('2026-03-10T03:00:00Z') };
    expect(returnBlockedReason(onTime, at('2026-03-12T04:00:00Z'))).toBeNull();
  });
  test('withdrawn dossiers are never late', () => {
    expect(isLate({ ...pending, status: 'withdrawn' }, at('2027-01-01T00:00:00Z'))).toBe(false);
  });
  test('apology validation', () => {
    const ok = { reason: 'Chờ xác minh thông tin cư trú', newDueDate: '2026-03-13', leaderName: 'Phạm Văn Hùng', leaderTitle: 'Chủ tịch' };
    expect(apologyErrors(pending, ok, at('2026-03-09T03:00:00Z'))).toEqual({});
    expect(Object.keys(apologyErrors(pending, { ...ok, reason: 'x', newDueDate: '2026-03-10' }, at('2026-03-09T03:00:00Z'))).sort())
      .toEqual(['newDueDate', 'reason']);
    expect(apologyErrors({ ...pending, status: 'returned' }, ok, at('2026-03-09T03:00:00Z')).dossier).toBeDefined();
  });
  test('an apology issued after the due date is flagged late', () => {
    expect(apologyIsLate('2026-03-10', at('2026-03-10T09:00:00Z'))).toBe(false);
    expect(apologyIsLate('2026-03-10', at('2026-03-11T02:00:00Z'))).toBe(true);
  });
  test('the apology goes by the citizen channel', () => {
    expect(apologyChannel({ channel: 'online', applicant_email: 'hoa@example.vn', applicant_phone: null })).toEqual({ channel: 'email', to: 'hoa@example.vn' });
    expect(apologyChannel({ channel: 'in_person', applicant_email: 'hoa@example.vn', applicant_phone: null }).channel).toBe('desk');
  });
});

describe("late against the apology's new date", () => {
  const apologised = { status: 'processing' as const, due_date: '2026-03-10', result_at: null, apologies: 1, apology_due_date: '2026-03-13' };
  test('the promised date is the new date once an apology exists', () => {
    expect(promisedDate(apologised)).toBe('2026-03-13');
    expect(promisedDate({ due_date: '2026-03-10', apology_due_date: null })).toBe('2026-03-10');
  });
  test('flagged the day after the new date, not before; a result after it counts too', () => {
    expect(isLateAfterApology(apologised, at('2026-03-13T10:00:00Z'))).toBe(false);
    expect(isLateAfterApology(apologised, at('2026-03-14T01:00:00Z'))).toBe(true);
    expect(isLateAfterApology({ ...apologised, status: 'result_ready', result_at: at('2026-03-16T03:00:00Z') }, at('2026-03-20T01:00:00Z'))).toBe(true);
    expect(isLateAfterApology({ ...apologised, status: 'result_ready', result_at: at('2026-03-12T03:00:00Z') }, at('2026-03-20T01:00:00Z'))).toBe(false);
    expect(isLateAfterApology({ ...apologised, apologies: 0, apology_due_date: null }, at('2026-03-20T01:00:00Z'))).toBe(false);
  });
  test('a second apology must move the date past the first one', () => {
    const input = { reason: 'Chờ kết quả xác minh lần hai', newDueDate: '2026-03-12', leaderName: 'Phạm Văn Hùng', leaderTitle: 'Chủ tịch' };
    expect(apologyErrors(apologised, input, at('2026-03-11T03:00:00Z')).newDueDate).toBeDefined();
    expect(apologyErrors(apologised, { ...input, newDueDate: '2026-03-17' }, at('2026-03-11T03:00:00Z'))).toEqual({});
  });
});

describe('apology delivery', () => {
  test('e-mail is queued, SMS waits for staff, desk and post are on paper', () => {
    expect(['email', 'sms', 'desk', 'postal'].map(apologySendStatus)).toEqual(['queued', 'pending', 'paper', 'paper']);
  });
  test('the SMS fits one 160-character message and names the code and the new date', () => {
    const text = apologySms({ code: '000.00.00.H31-260115-0001' }, { new_due_date: '2026-03-13' });
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text).toContain('000.00.00.H31-260115-0001');
    expect(text).toContain('13/03/2026');
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});
