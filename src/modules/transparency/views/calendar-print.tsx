import type { FastifyRequest } from 'fastify';
import type { CalendarEvent, CalendarOwner } from '../repo-calendar.js';
import { eventsOfDay, weekLabel } from './calendar-page.js';
import { timeOf } from './shared.js';
import { type IsoWeek, vnParts } from '../../../lib/vn-calendar/index.js';
import { formatDate } from '../../../lib/format.js';
import { TableWrap } from '../../../web/components/display.js';

const isMorning = (e: CalendarEvent) => vnParts(e.starts_at).hour < 12;

function Cell({ events }: { events: CalendarEvent[] }) {
  return (
    <td>{events.map((e) => (
      <p class="print-event"><strong>{timeOf(e.starts_at)}</strong> {e.title}{e.place && <> — <em>{e.place}</em></>}{e.chair && <><br />{e.chair}</>}</p>
    ))}</td>
  );
}

/** The weekly sheet posted on the notice board: days as columns, morning/afternoon as rows, A4 landscape. */
export function CalendarPrint({ req, week, owner, events }: { req: FastifyRequest; week: IsoWeek; owner: CalendarOwner; events: CalendarEvent[] }) {
  const days = week.days.filter((d, i) => i < 5 || eventsOfDay(events, d).length > 0);
  return (
    <div class="calendar-sheet">
      <p class="calendar-sheet__unit">{req.unit!.name.toUpperCase()}</p>
      <h1>{req.t(`transparency.calendar.owner.${owner}`)}</h1>
      <p>{weekLabel(req, week)}</p>
      <TableWrap label={req.t(`transparency.calendar.owner.${owner}`)}>
        <table class="calendar-sheet__grid">
          <thead><tr><th scope="col"><span class="visually-hidden">{req.t('transparency.calendar.time')}</span></th>
            {days.map((d) => <th scope="col">{req.t(`transparency.weekday.${week.days.indexOf(d) + 1}`)}<br />{formatDate(d)}</th>)}</tr></thead>
          <tbody>
            <tr><th scope="row">{req.t('transparency.calendar.morning')}</th>{days.map((d) => <Cell events={eventsOfDay(events, d).filter(isMorning)} />)}</tr>
            <tr><th scope="row">{req.t('transparency.calendar.afternoon')}</th>{days.map((d) => <Cell events={eventsOfDay(events, d).filter((e) => !isMorning(e))} />)}</tr>
          </tbody>
        </table>
      </TableWrap>
      <p class="no-print"><button class="button" type="button" data-print>{req.t('transparency.common.print')}</button></p>
    </div>
  );
}
