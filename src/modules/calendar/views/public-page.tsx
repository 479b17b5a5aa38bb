import type { FastifyRequest } from 'fastify';
import type { HolidayYear } from '../../../lib/vn-calendar/index.js';
import { HolidaysTables, TableStatus, YearNav } from './holidays-table.js';

/** `/{unit}/lich-nghi`: the year's days off, printable (the layout hides navigation in print). */
export function PublicCalendarPage({ req, table }: { req: FastifyRequest; table: HolidayYear }) {
  return (
    <article class="calendar-public">
      <h1>{req.t('calendar.public_title', { year: table.year })}</h1>
      <p class="lead">{req.t('calendar.public_lead')}</p>
      <YearNav req={req} year={table.year} path={`/${req.unit!.slug}/lich-nghi`} />
      <TableStatus req={req} table={table} />
      <HolidaysTables req={req} table={table} />
      <p class="muted no-print">{req.t('calendar.print')}</p>
    </article>
  );
}
