import { describe, expect, it } from 'vitest';
import { nextSession, occursOn, skippedSessions, upcomingSessions, type HolidayLookup, type ReceptionRule } from './reception.js';

const chairman: ReceptionRule = { id: 'a', leaderName: 'Nguyễn Văn Thương', leaderTitle: 'Chủ tịch', recurrence: 'weekly', weekday: 4, weekOfMonth: null, startTime: '07:30', endTime: '11:30', place: 'Phòng tiếp công dân' };
const secretary: ReceptionRule = { ...chairman, id: 'b', recurrence: 'monthly', weekday: 2, weekOfMonth: 5, startTime: '14:00', endTime: '16:30' };

describe('reception schedule', () => {
  it('finds monthly nth and last weekdays', () => {
    expect(occursOn(secretary, '2026-11-24')).toBe(true); // last Tuesday of November 2026
    expect(occursOn(secretary, '2026-11-17')).toBe(false);
    expect(occursOn({ ...secretary, weekOfMonth: 1 }, '2026-12-01')).toBe(true);
  });
  it('gives Thursday morning as the next session on a Wednesday', () => {
    const s = nextSession([chairman, secretary], new Date('2026-11-25T03:00:00Z'));
    expect(s?.rule.id).toBe('a');
    expect(s?.startsAt.toISOString()).toBe('2026-11-26T00:30:00.000Z');
  });
  it('still lists a session in progress and skips one that ended', () => {
    expect(nextSession([chairman], new Date('2026-11-26T04:00:00Z'))?.startsAt.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(nextSession([chairman], new Date('2026-11-26T04:30:00Z'))?.startsAt.toISOString()).toBe('2026-12-03T00:30:00.000Z');
  });
  it('orders sessions of several rules and returns none without rules', () => {
    const list = upcomingSessions([chairman, secretary], new Date('2026-11-23T00:00:00Z'), 7);
    expect(list.map((s) => s.rule.id)).toEqual(['b', 'a']);
    expect(nextSession([], new Date())).toBeNull();
  });
  it('skips sessions on holidays and reports them with the reason', () => {
    const holiday: HolidayLookup = (d) => (d === '2026-12-31' ? { vi: 'Thử nghiệm', en: 'Test' } : null);
    const wednesday = new Date('2026-12-30T03:00:00Z');
    expect(nextSession([chairman], wednesday)?.startsAt.toISOString()).toBe('2026-12-31T00:30:00.000Z');
    expect(nextSession([chairman], wednesday, holiday)?.startsAt.toISOString()).toBe('2027-01-07T00:30:00.000Z');
    expect(upcomingSessions([chairman], wednesday, 14, holiday).map((s) => s.startsAt.toISOString())).toEqual(['2027-01-07T00:30:00.000Z']);
    const skipped = skippedSessions([chairman, secretary], wednesday, 14, holiday);
    expect(skipped.map((s) => [s.rule.id, s.startsAt.toISOString(), s.reason.vi])).toEqual([['a', '2026-12-31T00:30:00.000Z', 'Thử nghiệm']]);
  });
});
