import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { KIND_SPECS, LETTER_KINDS, type LetterKind } from '../domain/kinds.js';
import { placeholdersOf } from '../domain/template.js';
import type { SignerSettings } from '../domain/document.js';

export function TemplatesPage({ req, templates, settings, notice, errors }: {
  req: FastifyRequest; templates: Map<LetterKind, { subject: string; body: string }>; settings: SignerSettings; notice?: string; errors?: FieldErrors;
}) {
  const base = `/quan-tri/${req.unit!.slug}/thu/mau`;
  return (
    <>
      <h1>{req.t('outreach.templates.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <section aria-labelledby="signer-title">
        <h2 id="signer-title">{req.t('outreach.templates.signer')}</h2>
        <form method="post" action={`${base}/nguoi-ky`} enctype="multipart/form-data">
          <CsrfField req={req} />
          <TextInput name="signer_authority" label={req.t('outreach.templates.authority')} value={settings.signer_authority} />
          <TextInput name="signer_title" label={req.t('outreach.templates.signer_title')} value={settings.signer_title} error={errors?.signer_title} />
          <TextInput name="signer_name" label={req.t('outreach.templates.signer_name')} value={settings.signer_name} error={errors?.signer_name} />
          <TextInput name="signature" type="file" accept="image/png" label={req.t('outreach.templates.signature')}
            hint={settings.signature_png ? req.t('outreach.templates.signature_present') : req.t('outreach.templates.signature_hint')} error={errors?.signature} />
          <Button>{req.t('outreach.save')}</Button>
        </form>
      </section>
      {LETTER_KINDS.map((k) => {
        const t = templates.get(k) ?? KIND_SPECS[k];
        return (
          <section aria-labelledby={`t-${k}`}>
            <h2 id={`t-${k}`}>{req.t(`outreach.kind.${k}`)}</h2>
            <form method="post" action={`${base}/${k}`}>
              <CsrfField req={req} />
              <TextInput name={`subject_${k}`} label={req.t('outreach.letter.subject')} value={t.subject} maxLength={500} />
              <Textarea name={`body_${k}`} label={req.t('outreach.letter.body')} value={t.body} rows={8}
                hint={req.t('outreach.templates.placeholders', { list: placeholdersOf(`${KIND_SPECS[k].subject} ${KIND_SPECS[k].body}`).map((p) => `{${p}}`).join(', ') })} />
              <Button>{req.t('outreach.templates.save', { kind: req.t(`outreach.kind.${k}`) })}</Button>
            </form>
          </section>
        );
      })}
    </>
  );
}
