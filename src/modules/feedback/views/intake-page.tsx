import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { type IsoWeek, weekKey } from '../../../lib/vn-calendar/index.js';
import type { CoverageRow } from '../coverage.js';

/** Coverage grid (groups × recent ISO weeks) and the form to record one week. */
export function IntakePage({ req, weeks, rows, errors, values, notice }: {
  req: FastifyRequest; weeks: IsoWeek[]; rows: CoverageRow[]; errors: FieldErrors; values: Record<string, string>; notice?: string;
}) {
  const t = req.t;
  const groupOptions = rows.map((r) => ({ value: `${r.groupKind}:${r.groupCode}`, label: r.groupName }));
  return (
    <div class="feedback">
      <h1>{t('feedback.intake.title')}</h1>
      <p class="lead">{t('feedback.intake.intro')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <h2>{t('feedback.intake.coverage', { weeks: weeks.length })}</h2>
      <Table caption={t('feedback.intake.coverage', { weeks: weeks.length })} rows={rows} columns={[
        { header: t('feedback.intake.group'), cell: (r) => r.groupName },
        ...weeks.map((w, i) => ({
          header: <abbr title={weekKey(w)}>{`T${w.week}`}</abbr>,
          cell: (r: CoverageRow) => r.weeks[i].recorded
            ? <span class="intake-cell intake-cell--ok" title={t('feedback.intake.recorded')}>✓<span class="visually-hidden"> {t('feedback.intake.recorded')}</span></span>
            : <span class="intake-cell intake-cell--missed" title={t('feedback.intake.notRecorded')}>✗<span class="visually-hidden"> {t('feedback.intake.notRecorded')}</span></span>,
        })),
        { header: t('feedback.intake.missed'), cell: (r) => r.missed, numeric: true },
      ]} />
      <h2>{t('feedback.intake.formTitle')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/phan-anh/tiep-nhan-tuan`}>
        <CsrfField req={req} />
        <Select name="group" label={t('feedback.intake.group')} options={groupOptions} value={values.group} error={errors.group} required />
        <Select name="week" label={t('feedback.intake.week')} value={values.week ?? weekKey(weeks[weeks.length - 1])} error={errors.week}
          options={[...weeks].reverse().map((w) => ({ value: weekKey(w), label: weekKey(w) }))} />
        <TextInput name="metOn" type="date" label={t('feedback.intake.metOn')} value={values.metOn} error={errors.metOn} />
        <div class="choice">
          <input type="checkbox" id="f-noNewItems" name="noNewItems" value="on" checked={values.noNewItems === 'on'} />
          <label for="f-noNewItems">{t('feedback.intake.noNewItems')}</label>
        </div>
        <TextInput name="itemsCount" type="number" min={0} max={999} label={t('feedback.intake.itemsCount')} value={values.itemsCount ?? '0'} error={errors.itemsCount} />
        <Textarea name="notes" label={t('feedback.intake.notes')} value={values.notes} rows={3} maxLength={2000} />
        <Button>{t('feedback.intake.save')}</Button>
      </form>
    </div>
  );
}
