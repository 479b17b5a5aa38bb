import ical, { ICalCalendar, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { VN_OFFSET_MS, VN_TIME_ZONE, vnIsoString } from '../../../lib/vn-calendar/index.js';

/**
 * ical-generator formats a zoned time through the local getters of a "TZDate" (an object with
 * `internal`, `withTimeZone` and `tzComponents`). This one answers in Vietnam time whatever the
 * server's TZ, so feeds carry `DTSTART;TZID=Asia/Ho_Chi_Minh:…` with the right wall-clock time.
 */
class VnDate extends Date {
  internal: Date;
  constructor(at: Date) { super(at.getTime()); this.internal = new Date(at.getTime() + VN_OFFSET_MS); }
  withTimeZone(): VnDate { return this; }
  tzComponents(): void { /* not used by ical-generator's formatter */ }
  override getFullYear() { return this.internal.getUTCFullYear(); }
  override getMonth() { return this.internal.getUTCMonth(); }
  override getDate() { return this.internal.getUTCDate(); }
  override getHours() { return this.internal.getUTCHours(); }
  override getMinutes() { return this.internal.getUTCMinutes(); }
  override getSeconds() { return this.internal.getUTCSeconds(); }
}

/** Vietnam has no daylight saving since 1975: one STANDARD block is exact. */
export const VTIMEZONE_HCM = [
  'BEGIN:VTIMEZONE', `TZID:${VN_TIME_ZONE}`, 'BEGIN:STANDARD', 'DTSTART:19750613T000000',
  'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'TZNAME:+07', 'END:STANDARD', 'END:VTIMEZONE',
].join('\r\n');

export interface FeedEvent {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place?: string;
  description?: string;
  url?: string;
  /** Weekly on one ISO weekday, or monthly on the nth (5 = last) weekday; `except`: occurrences not held (EXDATE). */
  repeat?: { freq: 'weekly' | 'monthly'; weekday: number; weekOfMonth?: number | null; except?: Date[] };
}

const WEEKDAYS: ICalWeekday[] = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];

/** `20270101T073000`: Vietnam wall-clock time, for a TZID=Asia/Ho_Chi_Minh property. */
function vnLocal(at: Date): string {
  return vnIsoString(at).slice(0, 19).replace(/[-:]/g, '');
}

/** RRULE, plus one EXDATE line (same zone and time as DTSTART) for occurrences not held. */
function rrule(r: NonNullable<FeedEvent['repeat']>): string {
  const day = WEEKDAYS[r.weekday - 1];
  const nth = r.weekOfMonth === 5 ? -1 : r.weekOfMonth ?? 1;
  const rule = r.freq === 'weekly' ? `FREQ=WEEKLY;BYDAY=${day}` : `FREQ=MONTHLY;BYDAY=${nth}${day}`;
  if (!r.except?.length) return rule;
  return `RRULE:${rule}\nEXDATE;TZID=${VN_TIME_ZONE}:${r.except.map(vnLocal).join(',')}`;
}

/** An iCalendar feed in Asia/Ho_Chi_Minh time. `stamp` is the DTSTAMP (pass the request time). */
export function buildFeed(name: string, events: FeedEvent[], stamp: Date, host = 'thanthien.local'): ICalCalendar {
  const cal = ical({ name, prodId: { company: 'Than Thien', product: 'transparency', language: 'VI' },
    // name null: DTSTAMP stays in UTC (RFC 5545 §3.8.7.2); the generator still emits the event zone.
    timezone: { name: null, generator: (tz) => (tz === VN_TIME_ZONE ? VTIMEZONE_HCM : null) },
    x: { 'X-WR-TIMEZONE': VN_TIME_ZONE } });
  for (const e of events) {
    cal.createEvent({
      id: `${e.id}@${host}`, summary: e.title, location: e.place || null, description: e.description || null,
      url: e.url || null, start: new VnDate(e.startsAt), end: new VnDate(e.endsAt), stamp,
      timezone: VN_TIME_ZONE, repeating: e.repeat ? rrule(e.repeat) : null,
    });
  }
  return cal;
}

export { ICalEventRepeatingFreq };
