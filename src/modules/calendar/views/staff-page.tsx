import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { formatDate } from '../../../lib/format.js';
import type { HolidayYear } from '../../../lib/vn-calendar/index.js';
import type { OverrideRow } from '../repo.js';
import { HolidaysTables, TableStatus, YearNav, weekdayName } from './holidays-table.js';

export interface StaffCalendarView {
  table: HolidayYear;
  overrides: OverrideRow[];
  cutoff: string | null;
  /** '07:30-11:30,13:30-17:00', or null for the default. */
  workingHours?: string | null;
  flash?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/** `/quan-tri/{unit}/lich-nghi`: the year's calendar, its overrides and the forms to change them. */
export function StaffCalendarPage({ req, view }: { req: FastifyRequest; view: StaffCalendarView }) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lich-nghi`;
  return (
    <article>
      <h1>{t('calendar.staff_title', { year: view.table.year })}</h1>
      <p class="lead">{t('calendar.staff_lead')}</p>
      {view.flash && <Alert kind="success">{t(view.flash)}</Alert>}
      <YearNav req={req} year={view.table.year} path={base} />
      <TableStatus req={req} table={view.table} />
      <p><a href={`${base}/nhap-bang`}>{t('calendar.import_link')}</a></p>
      <HolidaysTables req={req} table={view.table} withKind />
      <OverridesSection req={req} view={view} base={base} />
      <AddOverrideForm req={req} view={view} base={base} />
      <CutoffForm req={req} view={view} base={base} />
    </article>
  );
}

function OverridesSection({ req, view, base }: { req: FastifyRequest; view: StaffCalendarView; base: string }) {
  const t = req.t;
  const own = (o: OverrideRow) => o.unit_id === req.unit!.id;
  return (
    <section aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t('calendar.overrides')}</h2>
      <p class="muted">{t('calendar.overrides_lead')}</p>
      <Table caption={t('calendar.overrides')} rows={view.overrides} empty={t('calendar.no_overrides')} columns={[
        { header: t('calendar.col_date'), cell: (o) => <><time dateTime={o.date}>{formatDate(o.date)}</time> ({weekdayName(req, o.date)})</> },
        { header: t('calendar.col_kind'), cell: (o) => t(o.kind === 'off' ? 'calendar.override_off' : 'calendar.override_work') },
        { header: t('calendar.col_reason'), cell: (o) => o.reason },
        { header: t('calendar.col_scope'), cell: (o) => t(own(o) ? 'calendar.scope_unit' : 'calendar.scope_city') },
        { header: t('calendar.col_actions'), cell: (o) => own(o) && (
          <form method="post" action={`${base}/${o.id}/xoa`} class="inline-form">
            <CsrfField req={req} />
            <input type="hidden" name="nam" value={String(view.table.year)} />
            <Button variant="secondary">{t('calendar.remove')}</Button>
          </form>
        ) },
      ]} />
    </section>
  );
}

function AddOverrideForm({ req, view, base }: { req: FastifyRequest; view: StaffCalendarView; base: string }) {
  const t = req.t;
  const errors = Object.fromEntries(Object.entries(view.errors ?? {}).map(([k, v]) => [k, t(v)]));
  const v = view.values ?? {};
  return (
    <section aria-labelledby="add-override-title">
      <h2 id="add-override-title">{t('calendar.add_override')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={base} novalidate>
        <CsrfField req={req} />
        <TextInput name="date" type="date" label={t('calendar.field_date')} hint={t('calendar.field_date_hint')} error={errors.date} value={v.date} required />
        <Choices name="kind" legend={t('calendar.field_kind')} error={errors.kind} value={v.kind} required options={[
          { value: 'off', label: t('calendar.override_off') }, { value: 'work', label: t('calendar.override_work') },
        ]} />
        <Textarea name="reason" label={t('calendar.field_reason')} hint={t('calendar.field_reason_hint')} error={errors.reason} value={v.reason} rows={2} maxLength={300} required />
        <Button>{t('calendar.save')}</Button>
      </form>
    </section>
  );
}

function CutoffForm({ req, view, base }: { req: FastifyRequest; view: StaffCalendarView; base: string }) {
  const t = req.t;
  const error = view.errors?.cutoff ? t(view.errors.cutoff) : undefined;
  return (
    <section aria-labelledby="cutoff-title">
      <h2 id="cutoff-title">{t('calendar.cutoff_title')}</h2>
      <p class="muted">{t('calendar.cutoff_lead')}</p>
      <form method="post" action={`${base}/gio-chot`}>
        <CsrfField req={req} />
        <input type="hidden" name="nam" value={String(view.table.year)} />
        <TextInput name="cutoff" label={t('calendar.field_cutoff')} error={error} value={view.values?.cutoff ?? view.cutoff ?? ''} pattern="[0-2][0-9]:[0-5][0-9]" maxLength={5} />
        <TextInput name="working_hours" label={t('calendar.field_working_hours')} hint={t('calendar.working_hours_hint')}
          error={view.errors?.working_hours ? t(view.errors.working_hours) : undefined}
          value={view.values?.working_hours ?? view.workingHours ?? ''} maxLength={60} />
        <Button>{t('calendar.save_cutoff')}</Button>
      </form>
    </section>
  );
}
