import type { FastifyRequest } from 'fastify';
import type { CalendarEvent, CalendarOwner } from '../repo-calendar.js';
import type { PublishedItem } from '../repo-published.js';
import { PageTools, PublishedNote, timeOf } from './shared.js';
import { type IsoWeek, shiftWeek, vnDateOf, weekKey } from '../../../lib/vn-calendar/index.js';
import { formatDate } from '../../../lib/format.js';

export const ownerParam = (owner: CalendarOwner) => (owner === 'chairman' ? 'chu-tich' : 'ubnd');

export function weekLabel(req: FastifyRequest, w: IsoWeek) {
  return req.t('transparency.calendar.week', { week: w.week, from: formatDate(w.monday), to: formatDate(w.sunday) });
}

export function eventsOfDay(events: CalendarEvent[], day: string) {
  return events.filter((e) => vnDateOf(e.starts_at) === day);
}

function DayTable({ req, day, index, events }: { req: FastifyRequest; day: string; index: number; events: CalendarEvent[] }) {
  const caption = `${req.t(`transparency.weekday.${index + 1}`)}, ${formatDate(day)}`;
  if (!events.length) return <><h3>{caption}</h3><p class="muted">{req.t('transparency.calendar.no_events')}</p></>;
  const col = (k: string) => req.t(`transparency.calendar.${k}`);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="table--stack">
        <caption><h3>{caption}</h3></caption>
        <thead><tr>
          <th scope="col">{req.t('transparency.calendar.time')}</th><th scope="col">{req.t('transparency.calendar.content')}</th>
          <th scope="col">{req.t('transparency.calendar.place')}</th><th scope="col">{req.t('transparency.calendar.chair')}</th>
          <th scope="col">{req.t('transparency.calendar.participants')}</th>
        </tr></thead>
        <tbody>{events.map((e) => (
          <tr><td data-label={col('time')}>{timeOf(e.starts_at)}–{timeOf(e.ends_at)}</td><td data-label={col('content')}>{e.title}</td>
            <td data-label={col('place')}>{e.place}</td><td data-label={col('chair')}>{e.chair}</td><td data-label={col('participants')}>{e.participants}</td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}

export function CalendarPage({ req, week, owner, events, item }: { req: FastifyRequest; week: IsoWeek; owner: CalendarOwner; events: CalendarEvent[]; item?: PublishedItem }) {
  const slug = req.unit!.slug;
  const link = (w: IsoWeek, o: CalendarOwner = owner) => `/${slug}/lich-cong-tac?lich=${ownerParam(o)}&tuan=${weekKey(w)}`;
  const days = week.days.filter((d, i) => i < 5 || eventsOfDay(events, d).length > 0);
  return (
    <>
      <h1>{req.t('transparency.calendar.title')}</h1>
      <nav class="button-group no-print" aria-label={req.t('transparency.calendar.owner')}>
        {(['committee', 'chairman'] as CalendarOwner[]).map((o) => (
          <a class={`button${o === owner ? '' : ' button--secondary'}`} href={link(week, o)} aria-current={o === owner ? 'page' : undefined}>
            {req.t(`transparency.calendar.owner.${o}`)}
          </a>
        ))}
      </nav>
      <h2>{req.t(`transparency.calendar.owner.${owner}`)} — {weekLabel(req, week)}</h2>
      <nav class="button-group no-print" aria-label={req.t('transparency.calendar.title')}>
        <a href={link(shiftWeek(week, -1))}>← {req.t('transparency.calendar.prev')}</a>
        <a href={`/${slug}/lich-cong-tac?lich=${ownerParam(owner)}`}>{req.t('transparency.calendar.this_week')}</a>
        <a href={link(shiftWeek(week, 1))}>{req.t('transparency.calendar.next')} →</a>
      </nav>
      {days.map((d) => <DayTable req={req} day={d} index={week.days.indexOf(d)} events={eventsOfDay(events, d)} />)}
      <PageTools req={req} posterHref={`/${slug}/ap-phich/lich-cong-tac`} extra={<>
        <a class="button button--secondary" href={`/${slug}/lich-cong-tac/ban-in?lich=${ownerParam(owner)}&tuan=${weekKey(week)}`}>{req.t('transparency.calendar.printable')}</a>
        <a class="button button--secondary" href={`/api/v1/units/${slug}/calendar.ics?owner=${owner}`}>{req.t('transparency.calendar.subscribe')}</a>
      </>} />
      <PublishedNote req={req} item={item} />
    </>
  );
}
