import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed } from './ics.js';

describe('iCalendar feed', () => {
  it('parses with ical.js and keeps Vietnam wall-clock time', () => {
    const text = buildFeed('Lịch công tác', [
      { id: 'e1', title: 'Họp giao ban; tuần 48', startsAt: new Date('2026-11-23T00:30:00Z'), endsAt: new Date('2026-11-23T02:00:00Z'), place: 'Hội trường, tầng 2' },
      { id: 'r1', title: 'Tiếp công dân', startsAt: new Date('2026-11-26T00:30:00Z'), endsAt: new Date('2026-11-26T04:30:00Z'), repeat: { freq: 'weekly', weekday: 4 } },
    ], new Date('2026-11-25T00:00:00Z')).toString();
    const cal = new ICAL.Component(ICAL.parse(text));
    const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events[0].summary).toBe('Họp giao ban; tuần 48');
    expect(events[0].location).toBe('Hội trường, tầng 2');
    expect(events[0].startDate.toString()).toBe('2026-11-23T07:30:00');
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(events[1].isRecurring()).toBe(true);
    const it2 = events[1].iterator();
    it2.next();
    expect(it2.next()!.toString()).toBe('2026-12-03T07:30:00');
  });
  it('writes the occurrences not held as EXDATEs that a standard parser skips', () => {
    const text = buildFeed('Tiếp công dân', [{
      id: 'r1', title: 'Tiếp công dân', startsAt: new Date('2026-12-03T00:30:00Z'), endsAt: new Date('2026-12-03T04:30:00Z'),
      repeat: { freq: 'weekly', weekday: 4, except: [new Date('2026-12-10T00:30:00Z'), new Date('2026-12-31T00:30:00Z')] },
    }], new Date('2026-12-01T00:00:00Z')).toString();
    expect(text).toContain('EXDATE;TZID=Asia/Ho_Chi_Minh:20261210T073000,20261231T073000');
    const cal = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
    const it = new ICAL.Event(cal.getFirstSubcomponent('vevent')!).iterator();
    const dates = Array.from({ length: 5 }, () => it.next()!.toString());
    expect(dates).toEqual(['2026-12-03T07:30:00', '2026-12-17T07:30:00', '2026-12-24T07:30:00', '2027-01-07T07:30:00', '2027-01-14T07:30:00']);
  });
});
