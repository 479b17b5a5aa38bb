import type { FastifyRequest } from 'fastify';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { KIND_SPECS, LETTER_KINDS, type LetterKind } from '../domain/kinds.js';
import { channelOptions, honorificOptions } from './letter-parts.js';

export type FormValues = Record<string, string | undefined>;

/** Picks the kind first (without JavaScript each kind has its own form with its own fields). */
export function KindPicker({ req }: { req: FastifyRequest }) {
  const base = `/quan-tri/${req.unit!.slug}/thu/tao`;
  return (
    <>
      <h1>{req.t('outreach.register.new')}</h1>
      <ul class="outreach-kinds">
        {LETTER_KINDS.map((k) => <li><a href={`${base}?loai=${k}`}>{req.t(`outreach.kind.${k}`)}</a> — {req.t(`outreach.kind_hint.${k}`)}</li>)}
      </ul>
    </>
  );
}

export function LetterForm({ req, kind, values, errors }: { req: FastifyRequest; kind: LetterKind; values: FormValues; errors?: FieldErrors }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <h1>{req.t('outreach.letter.new_of', { kind: req.t(`outreach.kind.${kind}`) })}</h1>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/thu`}>
        <CsrfField req={req} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="source" value={v('source') || 'manual'} />
        <input type="hidden" name="source_ref" value={v('source_ref')} />
        <TextInput name="recipient_name" label={req.t('outreach.letter.recipient_name')} value={v('recipient_name')} error={errors?.recipient_name} required maxLength={200} autocomplete="off" />
        <Choices name="gender" legend={req.t('outreach.letter.gender')} value={v('gender')} options={[
          { value: 'male', label: req.t('outreach.gender.male') }, { value: 'female', label: req.t('outreach.gender.female') }]} />
        <TextInput name="birth_year" type="number" label={req.t('outreach.letter.birth_year')} hint={req.t('outreach.letter.birth_year_hint')} value={v('birth_year')} error={errors?.birth_year} min={1900} max={2100} />
        <Select name="honorific" label={req.t('outreach.letter.honorific')} hint={req.t('outreach.letter.honorific_hint')} options={honorificOptions(req)} value={v('honorific')} error={errors?.honorific} />
        <TextInput name="address" label={req.t('outreach.letter.address')} value={v('address')} />
        {KIND_SPECS[kind].fields.map((f) => (
          f === 'noi_dung' || f === 'ly_do'
            ? <Textarea name={`f_${f}`} label={req.t(`outreach.field.${f}`)} value={v(`f_${f}`)} rows={3} />
            : <TextInput name={`f_${f}`} label={req.t(`outreach.field.${f}`)} value={v(`f_${f}`)} />
        ))}
        <Select name="channel" label={req.t('outreach.letter.channel')} options={channelOptions(req)} value={v('channel') || 'in_person'} error={errors?.channel} />
        <TextInput name="email" type="email" label={req.t('outreach.letter.email')} value={v('email')} error={errors?.email} />
        <TextInput name="phone" type="tel" label={req.t('outreach.letter.phone')} value={v('phone')} error={errors?.phone} />
        <Choices name="with_signature" legend={req.t('outreach.letter.signature')} multiple value={v('with_signature') ? ['1'] : []}
          options={[{ value: '1', label: req.t('outreach.letter.with_signature') }]} />
        <TextInput name="subject" label={req.t('outreach.letter.subject')} hint={req.t('outreach.letter.from_template_hint')} value={v('subject')} error={errors?.subject} maxLength={500} />
        <Textarea name="body" label={req.t('outreach.letter.body')} hint={req.t('outreach.letter.from_template_hint')} value={v('body')} error={errors?.body} rows={8} />
        <Button>{req.t('outreach.letter.create')}</Button>
      </form>
    </>
  );
}
