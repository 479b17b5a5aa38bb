import type { FastifyRequest } from 'fastify';
import { Table } from '../../../web/components/display.js';
import { formatDate } from '../../../lib/format.js';
import { type HolidayDay, type HolidayYear, type WorkingSaturday, weekdayOf } from '../../../lib/vn-calendar/index.js';

const WEEKDAY = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export const weekdayName = (req: FastifyRequest, date: string) => WEEKDAY[req.lang][weekdayOf(date)];

/** The year's days off and working Saturdays, as two tables (used by the public and staff pages). */
export function HolidaysTables({ req, table, withKind }: { req: FastifyRequest; table: HolidayYear; withKind?: boolean }) {
  const t = req.t;
  const columns = [
    { header: t('calendar.col_date'), cell: (d: HolidayDay) => <time dateTime={d.date}>{formatDate(d.date)}</time> },
    { header: t('calendar.col_weekday'), cell: (d: HolidayDay) => weekdayName(req, d.date) },
    { header: t('calendar.col_name'), cell: (d: HolidayDay) => (req.lang === 'en' ? d.name_en : d.name_vi) },
    ...(withKind ? [{ header: t('calendar.col_kind'), cell: (d: HolidayDay) => t(`calendar.kind.${d.kind}`) }] : []),
  ];
  return (
    <>
      <h2>{t('calendar.days_off')}</h2>
      <Table caption={t('calendar.days_off')} columns={columns} rows={table.days_off} />
      <h2>{t('calendar.working_saturdays')}</h2>
      <Table caption={t('calendar.working_saturdays')} rows={table.working_saturdays} empty={t('calendar.no_working_saturdays')} columns={[
        { header: t('calendar.col_date'), cell: (s: WorkingSaturday) => <time dateTime={s.date}>{formatDate(s.date)}</time> },
        { header: t('calendar.col_weekday'), cell: (s: WorkingSaturday) => weekdayName(req, s.date) },
        { header: t('calendar.col_reason'), cell: (s: WorkingSaturday) => s.reason },
      ]} />
    </>
  );
}

/** How sure the table is: confirmed notice, partly confirmed, or computed from the law. */
export function TableStatus({ req, table }: { req: FastifyRequest; table: HolidayYear }) {
  const t = req.t;
  const c = table.confidence;
  const text = c === 'computed' ? t('calendar.generated') : c === 'official' ? t('calendar.confirmed') : t('calendar.unconfirmed');
  return (
    <div class={`alert alert--${c === 'official' ? 'info' : 'warning'}`} role="status">
      <p>{text}</p>
      <p class="muted"><strong>{t('calendar.source')}:</strong> {table.source}</p>
    </div>
  );
}

/** Links to the previous and next year, keeping the page path. */
export function YearNav({ req, year, path }: { req: FastifyRequest; year: number; path: string }) {
  return (
    <nav class="no-print" aria-label={req.t('calendar.year_nav')}>
      <p>
        {year > 1901 && <a href={`${path}?nam=${year - 1}`}>{req.t('calendar.prev_year', { year: year - 1 })}</a>}
        {' · '}
        {year < 2100 && <a href={`${path}?nam=${year + 1}`}>{req.t('calendar.next_year', { year: year + 1 })}</a>}
      </p>
    </nav>
  );
}
