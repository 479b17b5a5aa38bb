import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Choices, CsrfField, TextInput } from '../../../web/components/forms.js';
import type { ImportDiff } from '../import-diff.js';
import { ChangesTable } from './field-change.js';

export function ImportUploadPage({ req, error }: { req: FastifyRequest; error?: string }) {
  const t = req.t;
  return (
    <>
      <h1>{t('catalogue.import.title')}</h1>
      <p>{t('catalogue.import.lead')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action={`/quan-tri/${req.unit!.slug}/thu-tuc/nhap`} encType="multipart/form-data">
        <CsrfField req={req} />
        <TextInput name="file" type="file" label={t('catalogue.import.file')} hint={t('catalogue.import.file_hint')} accept=".csv,.xlsx,.json" required />
        <button class="button" type="submit">{t('catalogue.import.preview')}</button>
      </form>
    </>
  );
}

function NameList({ req, items }: { req: FastifyRequest; items: { name: string; detail?: string }[] }) {
  if (items.length === 0) return <p>{req.t('catalogue.import.none')}</p>;
  return <ul>{items.map((i) => <li>{i.name}{i.detail && <span class="muted"> – {i.detail}</span>}</li>)}</ul>;
}

export function ImportPreviewPage({ req, importId, filename, diff, applied }: { req: FastifyRequest; importId: string; filename: string; diff: ImportDiff; applied: boolean }) {
  const t = req.t;
  return (
    <>
      <h1>{t('catalogue.import.preview_title', { file: filename })}</h1>
      <h2>{t('catalogue.import.added', { n: diff.added.length })}</h2>
      <NameList req={req} items={diff.added.map((a) => ({ name: a.name, detail: a.field }))} />
      <h2>{t('catalogue.import.changed', { n: diff.changed.length })}</h2>
      {diff.changed.length === 0 ? <p>{t('catalogue.import.none')}</p> : diff.changed.map((c, i) => (
        <details class="import-change" open={i < 10}>
          <summary><strong>{c.name}</strong> <span class="muted">– {c.fields.map((f) => t(`catalogue.import.field.${f}`)).join(', ')}</span></summary>
          <ChangesTable req={req} name={c.name} changes={c.changes} />
        </details>
      ))}
      <h2>{t('catalogue.import.removed', { n: diff.removed.length })}</h2>
      {diff.removed.length > 0 && <p>{t('catalogue.import.removed_hint')}</p>}
      <NameList req={req} items={diff.removed} />
      <p>{t('catalogue.import.unchanged', { n: diff.unchanged })}</p>
      {applied ? <Alert kind="info">{t('catalogue.import.already')}</Alert> : (
        <form method="post" action={`/quan-tri/${req.unit!.slug}/thu-tuc/nhap/${importId}/ap-dung`}>
          <CsrfField req={req} />
          {diff.removed.length > 0 && (
            <Choices name="missing" legend={t('catalogue.import.missing_legend', { n: diff.removed.length })} value="keep"
              options={[{ value: 'keep', label: t('catalogue.import.missing_keep') }, { value: 'unpublish', label: t('catalogue.import.missing_unpublish') }]} />
          )}
          <p>{t('catalogue.import.apply_hint')}</p>
          <button class="button" type="submit">{t('catalogue.import.apply')}</button>
        </form>
      )}
    </>
  );
}
