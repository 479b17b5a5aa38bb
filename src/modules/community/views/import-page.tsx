import type { FastifyRequest } from 'fastify';
import { Alert, StatusTag, Table } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../../web/components/forms.js';
import { staffBase } from '../context.js';
import type { Batch } from '../households/import-service.js';

export function ImportUpload({ req, error }: { req: FastifyRequest; error?: string }) {
  return <>
    <h1>{req.t('community.import.title')}</h1>
    <p>{req.t('community.import.lead')}</p>
    <p><code>Tổ dân phố, Chủ hộ, Địa chỉ, Số điện thoại, Thành viên, Số CCCD</code></p>
    <form method="post" action={`${staffBase(req)}/nhap`} enctype="multipart/form-data">
      <CsrfField req={req} />
      <TextInput name="file" type="file" accept=".csv,.xlsx" label={req.t('community.import.file')} error={error} />
      <Button>{req.t('community.import.preview')}</Button>
    </form>
  </>;
}

const TONE = { new: 'ok', duplicate: 'warn', exists: 'info', error: 'error' } as const;

export function ImportPreview({ req, batch, result }: { req: FastifyRequest; batch: Batch; result?: { added: number; skipped: number } }) {
  const count = (s: string) => batch.rows.filter((r) => r.status === s).length;
  return <>
    <h1>{req.t('community.import.preview_title', { file: batch.filename })}</h1>
    {result && <Alert kind="success">{req.t('community.import.applied', { added: result.added, skipped: result.skipped })}</Alert>}
    <p data-import-summary>{req.t('community.import.summary', { new: count('new'), duplicate: count('duplicate'),
      exists: count('exists'), error: count('error') })}</p>
    <Table caption={req.t('community.import.preview')} rows={batch.rows} columns={[
      { header: req.t('community.import.line'), cell: (r) => r.line, numeric: true },
      { header: req.t('community.import.status'),
        cell: (r) => <StatusTag tone={TONE[r.status]}>{req.t(`community.import.${r.status}`)}</StatusTag> },
      { header: req.t('community.households.head'), cell: (r) => r.household?.headName ?? '' },
      { header: req.t('community.households.address'), cell: (r) => r.household?.address ?? '' },
      { header: req.t('community.import.errors'), cell: (r) => r.errors.join(' ') },
    ]} />
    {!batch.applied_at && count('new') > 0 && <form method="post" action={`${staffBase(req)}/nhap/${batch.id}`}>
      <CsrfField req={req} />
      <Button>{req.t('community.import.apply', { n: count('new') })}</Button>
    </form>}
  </>;
}
