import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, TextInput, type FieldErrors } from '../../../web/components/forms.js';
import type { StoredFigure } from '../repo-stats.js';
import { dateTimeOf, Flash } from './shared.js';
import { pct } from './stats-page.js';
import { percent } from '../lib/rates.js';

interface Props { req: FastifyRequest; year: number; rows: StoredFigure[]; flash?: string; errors?: FieldErrors; rowErrors?: { row: number; message: string }[]; source?: string }

export function StaffStatsPage({ req, year, rows, flash, errors, rowErrors, source }: Props) {
  const t = req.t;
  const slug = req.unit!.slug;
  return (
    <>
      <h1>{t('transparency.stats.staff_title')}</h1>
      <Flash message={flash} />
      <form method="post" action={`/quan-tri/${slug}/thong-ke/nhap`} enctype="multipart/form-data" novalidate>
        <ErrorSummary req={req} errors={errors} />
        {rowErrors && rowErrors.length > 0 && (
          <div class="alert alert--error" role="alert"><ul>{rowErrors.map((e) => <li>{e.row > 0 ? req.t('transparency.stats.row', { row: e.row }) : ''}{e.message}</li>)}</ul></div>
        )}
        <CsrfField req={req} />
        <TextInput name="file" type="file" accept=".csv,.xlsx,text/csv" label={t('transparency.stats.import_file')} hint={t('transparency.stats.import_hint')} error={errors?.file} />
        <TextInput name="source" label={t('transparency.stats.import_source')} value={source} error={errors?.source} required maxLength={300} />
        <Button>{t('transparency.stats.import')}</Button>
      </form>
      <h2>{t('transparency.stats.rows', { year })}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('transparency.stats.rows', { year })}><table>
        <caption class="visually-hidden">{t('transparency.stats.rows', { year })}</caption>
        <thead><tr>{['month', 'field', 'online', 'in_person', 'resolved', 'on_time', 'online_rate'].map((c) => <th scope="col">{t(`transparency.stats.${c}`)}</th>)}
          <th scope="col">{t('transparency.stats.imported_at')}</th></tr></thead>
        <tbody>{rows.map((r) => (
          <tr><td>{r.month}</td><td>{r.field}</td><td class="num">{r.receivedOnline}</td><td class="num">{r.receivedInPerson}</td>
            <td class="num">{r.resolved}</td><td class="num">{r.resolvedOnTime}</td><td class="num">{pct(percent(r.receivedOnline, r.receivedOnline + r.receivedInPerson))}</td>
            <td>{dateTimeOf(r.imported_at)}<br /><span class="muted">{r.source}</span></td></tr>
        ))}</tbody>
      </table></div>
    </>
  );
}
