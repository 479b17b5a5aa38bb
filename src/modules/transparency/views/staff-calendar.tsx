import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { OWNERS, type CalendarEvent } from '../repo-calendar.js';
import { weekLabel } from './calendar-page.js';
import { dateTimeOf, Flash } from './shared.js';
import { type IsoWeek, shiftWeek, weekKey } from '../../../lib/vn-calendar/index.js';

export function StaffCalendarPage({ req, week, events, errors, values, flash }: { req: FastifyRequest; week: IsoWeek; events: CalendarEvent[]; errors?: FieldErrors; values?: Record<string, string>; flash?: string }) {
  const slug = req.unit!.slug;
  const t = req.t;
  const base = `/quan-tri/${slug}/lich-cong-tac`;
  return (
    <>
      <h1>{t('transparency.calendar.staff_title')}</h1>
      <Flash message={flash} />
      <h2>{weekLabel(req, week)}</h2>
      <p class="button-group">
        <a href={`${base}?tuan=${weekKey(shiftWeek(week, -1))}`}>← {t('transparency.calendar.prev')}</a>
        <a href={`${base}?tuan=${weekKey(shiftWeek(week, 1))}`}>{t('transparency.calendar.next')} →</a>
      </p>
      {events.length === 0 ? <p>{t('transparency.common.none')}</p> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={weekLabel(req, week)}><table>
          <caption class="visually-hidden">{weekLabel(req, week)}</caption>
          <thead><tr><th scope="col">{t('transparency.calendar.time')}</th><th scope="col">{t('transparency.calendar.content')}</th>
            <th scope="col">{t('transparency.calendar.owner')}</th><th scope="col"><span class="visually-hidden">{t('transparency.common.delete')}</span></th></tr></thead>
          <tbody>{events.map((e) => (
            <tr><td>{dateTimeOf(e.starts_at)}</td><td>{e.title}<br /><span class="muted">{e.place}</span></td>
              <td>{t(`transparency.calendar.owner.${e.owner}`)}</td>
              <td><form class="inline-form" method="post" action={`${base}/${e.id}/xoa`}><CsrfField req={req} />
                <button class="button--link" type="submit">{t('transparency.common.delete')}<span class="visually-hidden"> {e.title}</span></button></form></td></tr>
          ))}</tbody>
        </table></div>
      )}
      <h2>{t('transparency.calendar.add')}</h2>
      <form method="post" action={base} novalidate>
        <ErrorSummary req={req} errors={errors} />
        <CsrfField req={req} />
        <Select name="owner" label={t('transparency.calendar.owner')} value={values?.owner} error={errors?.owner}
          options={OWNERS.map((o) => ({ value: o, label: t(`transparency.calendar.owner.${o}`) }))} />
        <TextInput name="title" label={t('transparency.calendar.event_title')} value={values?.title} error={errors?.title} required maxLength={300} />
        <TextInput name="starts_at" type="datetime-local" label={t('transparency.calendar.starts')} value={values?.starts_at} error={errors?.starts_at} required />
        <TextInput name="ends_at" type="datetime-local" label={t('transparency.calendar.ends')} value={values?.ends_at} error={errors?.ends_at} required />
        <TextInput name="place" label={t('transparency.calendar.place')} value={values?.place} error={errors?.place} maxLength={200} />
        <TextInput name="chair" label={t('transparency.calendar.chair')} value={values?.chair} error={errors?.chair} maxLength={200} />
        <Textarea name="participants" label={t('transparency.calendar.participants')} value={values?.participants} error={errors?.participants} rows={2} maxLength={1000} />
        <Button>{t('transparency.common.add')}</Button>
      </form>
    </>
  );
}
