import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput, Textarea } from '../../../web/components/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import type { DueChange, DueChangeRow } from '../../dossiers/index.js';

export interface ImportPageView {
  /** Set after a successful import: its year and the dossiers whose due date moved. */
  done?: { year: number; changes: DueChange[] };
  errors?: string[];
  json?: string;
  /** The latest recorded changes of the unit (and its wards for a city). */
  recent: DueChangeRow[];
  isCity: boolean;
}

const due = (d: Date | null) => (d ? formatDateTime(d) : '—');

/** `/quan-tri/{unit}/lich-nghi/nhap-bang`: import form, the import's changes, the recent ones. */
export function ImportTablePage({ req, view }: { req: FastifyRequest; view: ImportPageView }) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/lich-nghi`;
  const dossierLink = (code: string) => <a href={`/quan-tri/${req.unit!.slug}/ho-so/${encodeURIComponent(code)}`}>{code}</a>;
  const columns = [
    { header: t('calendar.col_code'), cell: (c: DueChange) => dossierLink(c.code) },
    { header: t('calendar.col_old_due'), cell: (c: DueChange) => due(c.oldDueAt) },
    { header: t('calendar.col_new_due'), cell: (c: DueChange) => <strong>{due(c.newDueAt)}</strong> },
  ];
  return (
    <article>
      <p><a href={base}>← {t('calendar.staff_nav')}</a></p>
      <h1>{t('calendar.import_title')}</h1>
      {view.done && (
        <section aria-labelledby="changes-title">
          <Alert kind="success">{t(view.done.changes.length ? 'calendar.import_done' : 'calendar.import_none_changed',
            { year: view.done.year, count: view.done.changes.length })}</Alert>
          {view.done.changes.length > 0 && <>
            <h2 id="changes-title">{t('calendar.changes_title')}</h2>
            <p>{t('calendar.changes_lead')}</p>
            <Table caption={t('calendar.changes_title')} rows={view.done.changes} columns={columns} />
          </>}
        </section>
      )}
      {view.errors?.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="import-errors-title">
          <h2 id="import-errors-title">{t('calendar.import_errors')}</h2>
          <ul>{view.errors.map((e) => <li><a href="#f-table">{e}</a></li>)}</ul>
        </div>
      ) : null}
      <p class="lead">{t('calendar.import_lead')}</p>
      {view.isCity && <p class="muted">{t('calendar.import_scope_city')}</p>}
      <form method="post" action={`${base}/nhap-bang`} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <Textarea name="table" label={t('calendar.import_field_json')} hint={t('calendar.import_field_json_hint')}
          error={view.errors?.length ? view.errors[0] : undefined} value={view.json} rows={10} />
        <TextInput name="file" type="file" label={t('calendar.import_field_file')} accept=".json,application/json" />
        <Button>{t('calendar.import_submit')}</Button>
      </form>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('calendar.changes_recent')}</h2>
        <Table caption={t('calendar.changes_recent')} rows={view.recent} empty={t('calendar.changes_empty')} columns={[
          ...columns,
          { header: t('calendar.col_changed_at'), cell: (c: DueChangeRow) => <>{formatDateTime(c.changedAt)}<br /><span class="muted">{c.reason}</span></> },
        ]} />
      </section>
    </article>
  );
}
