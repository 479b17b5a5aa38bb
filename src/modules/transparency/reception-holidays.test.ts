import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { getWorkCalendar, invalidateWorkCalendars } from '../calendar/index.js';
import { clearCalendarOverrides, setCalendarOverride } from '../calendar/test-support.js';
import { nextReceptionSession } from './service.js';
import { addDays, vnDateOf, vnParts, vnToday } from '../../lib/vn-calendar/index.js';

/**
 * The reception schedule follows the unit's work calendar (calendar module): no session on a
 * public holiday or a day the unit closes; the iCalendar feed lists those as EXDATEs.
 * Uses the ward chi-linh, which has no reception rules of its own, so each test sets its rule.
 */
let t: TestApp;
let unit: string;

beforeAll(async () => { t = await startTestApp(); unit = await t.unitId('chi-linh'); });
afterAll(async () => { await t?.close(); });

async function setRule(weekday: number) {
  await sql`delete from reception_schedules where unit_id = ${unit}`.execute(t.db);
  await sql`insert into reception_schedules (unit_id, leader_name, leader_title, recurrence, weekday, start_time, end_time, place)
    values (${unit}, 'Trần Văn Hòa', 'Chủ tịch UBND phường', 'weekly', ${weekday}, '07:30', '11:30', 'Phòng tiếp công dân')`.execute(t.db);
}

async function closeDay(date: string, reason: string) {
  await setCalendarOverride(t.db, unit, { date, kind: 'off', reason });
  invalidateWorkCalendars(t.appDb);
}

describe('reception schedule and the work calendar', () => {
  it('skips New Year’s Day 2027 (a Friday) for the next session', async () => {
    await setRule(5);
    const next = await nextReceptionSession(t.appDb, unit, new Date('2026-12-30T12:00:00+07:00'));
    expect(vnDateOf(next!.startsAt)).toBe('2027-01-08');
  });

  it('skips a day the unit closes (its own override), then the home widget and API agree', async () => {
    await setRule(5);
    await closeDay('2027-01-08', 'Bão số 3 – nghỉ làm việc');
    const next = await nextReceptionSession(t.appDb, unit, new Date('2026-12-30T12:00:00+07:00'));
    expect(vnDateOf(next!.startsAt)).toBe('2027-01-15');
  });

  it('tells the public page and the API which upcoming session is not held and why', async () => {
    const now = new Date();
    // the next weekday at least two days ahead, closed by the unit
    let date = addDays(vnDateOf(now), 2);
    while ([6, 7].includes(vnParts(new Date(`${date}T12:00:00+07:00`)).weekday)) date = addDays(date, 1);
    const weekday = vnParts(new Date(`${date}T12:00:00+07:00`)).weekday;
    await setRule(weekday);
    await clearCalendarOverrides(t.db, unit);
    await closeDay(date, 'Diễn tập phòng cháy');
    const api = await (await fetch(`${t.url}/api/v1/units/chi-linh/reception`)).json() as any;
    expect(api.skipped[0]).toEqual(expect.objectContaining({ date, reason: 'Diễn tập phòng cháy', leader_name: 'Trần Văn Hòa' }));
    expect(api.upcoming.some((s: any) => vnDateOf(new Date(s.starts_at)) === date)).toBe(false);
    const html = await (await fetch(`${t.url}/chi-linh/tiep-cong-dan`)).text();
    const [y, m, d] = date.split('-');
    expect(html).toContain(`Ngày ${d}/${m}/${y}: không tiếp công dân (Chủ tịch UBND phường Trần Văn Hòa) vì nghỉ Diễn tập phòng cháy.`);
  });

  it('lists every holiday of the next year on the rule’s weekday as an EXDATE that ical.js skips', async () => {
    await clearCalendarOverrides(t.db, unit);
    invalidateWorkCalendars(t.appDb);
    const cal = await getWorkCalendar(t.appDb, unit);
    const today = vnToday();
    // the weekday of the first public holiday that falls on a weekday in the coming year
    const holidays = (from: string, days: number) => Array.from({ length: days }, (_, i) => addDays(from, i))
      .filter((d) => cal.holidaysOf(Number(d.slice(0, 4))).days_off.some((h) => h.date === d));
    const first = holidays(addDays(today, 1), 365).find((d) => vnParts(new Date(`${d}T12:00:00+07:00`)).weekday <= 5)!;
    const weekday = vnParts(new Date(`${first}T12:00:00+07:00`)).weekday;
    await setRule(weekday);

    const text = await (await fetch(`${t.url}/api/v1/units/chi-linh/reception.ics`)).text();
    const vcal = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(new ICAL.Timezone(vcal.getFirstSubcomponent('vtimezone')!));
    const event = new ICAL.Event(vcal.getFirstSubcomponent('vevent')!);
    const exdates = event.component.getAllProperties('exdate').flatMap((p) => p.getValues().map((v: any) => v.toString().slice(0, 10)));
    const expected = holidays(addDays(today, 1), 400).filter((d) => vnParts(new Date(`${d}T12:00:00+07:00`)).weekday === weekday && d > event.startDate.toString().slice(0, 10));
    expect(expected).toContain(first);
    expect(exdates.sort()).toEqual(expected);
    // a standard parser's expansion never lands on a holiday
    const it = event.iterator();
    const seen: string[] = [];
    for (let next = it.next(); next && seen.length < 60; next = it.next()) seen.push(next.toString().slice(0, 10));
    expect(seen.filter((d) => expected.includes(d))).toEqual([]);
    expect(seen.length).toBe(60);
  });
});
