import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';

/** Edits one stored text (reception rules, commitment). */
export function TextForm({ req, action, heading, values, errors }: { req: FastifyRequest; action: string; heading: string; values?: { title?: string; body?: string }; errors?: FieldErrors }) {
  return (
    <form method="post" action={action} novalidate>
      <h2>{heading}</h2>
      <ErrorSummary req={req} errors={errors} />
      <CsrfField req={req} />
      <TextInput name="title" label={req.t('transparency.text.title')} value={values?.title} error={errors?.title} required maxLength={300} />
      <Textarea name="body" label={req.t('transparency.text.body')} value={values?.body} error={errors?.body} rows={14} maxLength={20000} required />
      <Button>{req.t('transparency.common.save')}</Button>
    </form>
  );
}
