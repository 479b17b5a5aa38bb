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
});
