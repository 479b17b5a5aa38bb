import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../../web/components/forms.js';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../import/columns.js';
import type { RowError } from '../import/run.js';
import { staffBase } from './shared.js';

export function UploadPage({ req, error }: { req: FastifyRequest; error?: string }) {
  return (
    <>
      <h1>{req.t('dossiers.import.title')}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action={`${staffBase(req)}/nhap`} enctype="multipart/form-data">
        <CsrfField req={req} />
        <TextInput name="file" type="file" label={req.t('dossiers.import.file')} hint={req.t('dossiers.import.file_hint')} accept=".csv,.xlsx" required />
        <Button>{req.t('dossiers.import.preview')}</Button>
      </form>
    </>
  );
}

export interface PreviewProps {
  req: FastifyRequest; id: string; headers: string[]; sample: string[][]; mapping: ColumnMapping;
  okCount: number; bad: RowError[]; missing: string[];
}

function ErrorTable({ req, bad }: { req: FastifyRequest; bad: RowError[] }) {
  return (
    <>
      <h2>{req.t('dossiers.import.errors')}</h2>
      <Table caption={req.t('dossiers.import.errors')} rows={bad.slice(0, 200)} columns={[
        { header: req.t('dossiers.import.line'), cell: (e) => e.line, numeric: true },
        { header: req.t('dossiers.import.problem'), cell: (e) => e.errors.join(' ') },
      ]} />
    </>
  );
}

export function PreviewPage(p: PreviewProps) {
  const { req } = p;
  const url = `${staffBase(req)}/nhap/${p.id}`;
  const selects = (Object.keys(IMPORT_FIELDS) as ImportField[]).map((f) => (
    <div class="field">
      <label for={`f-map_${f}`}>{f}</label>
      <select id={`f-map_${f}`} name={`map_${f}`}>
        <option value="">{req.t('dossiers.import.column_none')}</option>
        {p.headers.map((h, i) => <option value={String(i)} selected={p.mapping[f] === i}>{h}</option>)}
      </select>
    </div>
  ));
  return (
    <>
      <h1>{req.t('dossiers.import.title')}</h1>
      {p.missing.length > 0 && <Alert kind="error">{req.t('dossiers.import.missing_columns', { columns: p.missing.join(', ') })}</Alert>}
      <p>{req.t('dossiers.import.valid', { ok: p.okCount, bad: p.bad.length })}</p>
      <h2>{req.t('dossiers.import.sample')}</h2>
      <Table caption={req.t('dossiers.import.sample')} rows={p.sample} columns={p.headers.map((h, i) => ({ header: h, cell: (r: string[]) => r[i] ?? '' }))} />
      <form method="get" action={url}>
        <fieldset><legend>{req.t('dossiers.import.mapping')}</legend><div class="dossier-filters">{selects}</div></fieldset>
        <Button variant="secondary">{req.t('dossiers.import.preview')}</Button>
      </form>
      {p.missing.length === 0 && p.okCount > 0 && (
        <form method="post" action={`${url}/chay`}>
          <CsrfField req={req} />
          {(Object.keys(IMPORT_FIELDS) as ImportField[]).map((f) => <input type="hidden" name={`map_${f}`} value={p.mapping[f] === null ? '' : String(p.mapping[f])} />)}
          <Button>{req.t('dossiers.import.run', { n: p.okCount })}</Button>
        </form>
      )}
      {p.bad.length > 0 && <ErrorTable req={req} bad={p.bad} />}
    </>
  );
}

export function ProgressPage({ req, imp }: { req: FastifyRequest; imp: { status: string; total: number; done: number; inserted: number; updated: number; errors: RowError[]; message: string | null } }) {
  return (
    <>
      {imp.status === 'running' && <meta http-equiv="refresh" content="2" />}
      <h1>{req.t('dossiers.import.title')}</h1>
      {imp.status === 'running' && (
        <p>
          <label for="import-progress">{req.t('dossiers.import.progress', { done: imp.done, total: imp.total })}</label><br />
          <progress id="import-progress" class="dossier-progress" max={Math.max(1, imp.total)} value={imp.done}>{imp.done}/{imp.total}</progress>
        </p>
      )}
      {imp.status === 'done' && <Alert kind="success">{req.t('dossiers.import.done', { inserted: imp.inserted, updated: imp.updated })}</Alert>}
      {imp.status === 'failed' && <Alert kind="error">{req.t('dossiers.import.failed', { message: imp.message ?? '' })}</Alert>}
      {imp.errors.length > 0 && <ErrorTable req={req} bad={imp.errors} />}
      <p><a href={staffBase(req)}>{req.t('dossiers.common.back')}</a></p>
    </>
  );
}
