import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { formatDate } from '../../../lib/format.js';
import { CsrfField, ErrorSummary, Select, Textarea, TextInput } from '../../../web/components/forms.js';
import { ONLINE_LEVELS, PROCESSING_UNITS, type Attachment, type Procedure } from '../types.js';
import type { FormErrors } from '../validate.js';

export type FormValues = Record<string, string>;

export function formValuesOf(p: Procedure): FormValues {
  return {
    name: p.name, name_en: p.nameEn ?? '', code: p.code ?? '', field: p.field,
    processing_value: String(p.processing.value), processing_unit: p.processing.unit, processing_note: p.processing.note ?? '',
    fee_amount: p.fee.amount === null ? '' : String(p.fee.amount), fee_unit: p.fee.unit ?? '', fee_note: p.fee.note ?? '',
    fee_online_amount: p.fee.onlineAmount == null ? '' : String(p.fee.onlineAmount),
    tier_first_units: p.fee.tiers ? String(p.fee.tiers.first_units) : '', tier_next_rate: p.fee.tiers ? String(p.fee.tiers.next_rate) : '',
    tier_max: p.fee.tiers?.max_per_copy != null ? String(p.fee.tiers.max_per_copy) : '',
    documents: p.documents.join('\n'), steps: p.steps.join('\n'), legal_basis: p.legalBasis.join('\n'),
    keywords: p.keywords.join('\n'), online_level: p.onlineLevel ?? '', counter: p.counter ?? '',
    published: p.published ? 'on' : '', change_note: '',
  };
}

function AttachmentsSection({ req, p, attachments, base }: { req: FastifyRequest; p: Procedure; attachments: Attachment[]; base: string }) {
  const t = req.t;
  return (
    <section aria-labelledby="forms-title">
      <h2 id="forms-title">{t('catalogue.staff.forms')}</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            <a href={`/${req.unit!.slug}/thu-tuc/${p.slug}/bieu-mau/${a.id}`}>{a.title}</a> ({a.filename}){' '}
            <form method="post" action={`${base}/bieu-mau/${a.id}/xoa`} class="inline-form">
              <CsrfField req={req} />
              <button class="button button--link" type="submit">{t('catalogue.staff.form_delete')}<span class="visually-hidden"> {a.title}</span></button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/bieu-mau`} encType="multipart/form-data">
        <CsrfField req={req} />
        <TextInput name="title" label={t('catalogue.staff.form_title')} required maxLength={300} />
        <TextInput name="file" type="file" label={t('catalogue.staff.form_file')} required accept=".pdf,.doc,.docx,.xls,.xlsx,.odt" />
        <button class="button button--secondary" type="submit">{t('catalogue.staff.form_upload')}</button>
      </form>
    </section>
  );
}

export function StaffEditPage({ req, procedure: p, values, errors, attachments, notice }: {
  req: FastifyRequest; procedure: Procedure; values: FormValues; errors: FormErrors; attachments: Attachment[]; notice?: string;
}) {
  const t = req.t;
  const base = `/quan-tri/${req.unit!.slug}/thu-tuc/${p.id}`;
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
  const text = (name: string, maxLength = 500) => <TextInput name={name} label={t(`catalogue.staff.f_${name}`)} value={values[name]} error={err(name)} maxLength={maxLength} />;
  const area = (name: string, rows = 5) => <Textarea name={name} label={t(`catalogue.staff.f_${name}`)} value={values[name]} error={err(name)} rows={rows} maxLength={20000} />;
  return (
    <>
      <h1>{t('catalogue.staff.edit_title', { name: p.name })}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p><a href={`${base}/lich-su`}>{t('catalogue.staff.history')}</a> · <a href={`/${req.unit!.slug}/thu-tuc/${p.slug}`}>{req.t('catalogue.title')}</a></p>
      {p.needsReview ? (
        <Alert kind="warning" title={t('catalogue.needs_review')}>
          <p>{p.reviewNote ?? t('catalogue.staff.review_hint')}</p>
          <form method="post" action={`${base}/xac-nhan`}>
            <CsrfField req={req} />
            <button class="button" type="submit">{t('catalogue.staff.confirm_review')}</button>
          </form>
        </Alert>
      ) : (
        <section class="card" aria-labelledby="periodic-review">
          <h2 id="periodic-review">{t('catalogue.staff.periodic_review')}</h2>
          <p>{p.reviewedAt
            ? t('catalogue.staff.last_review', { date: formatDate(p.reviewedAt), by: p.reviewedBy ?? '' })
            : t('catalogue.staff.never_reviewed')} {t('catalogue.staff.periodic_hint')}</p>
          <form method="post" action={`${base}/xac-nhan`}>
            <CsrfField req={req} />
            <button class="button button--secondary" type="submit">{t('catalogue.staff.confirm_review')}</button>
          </form>
        </section>
      )}
      <ErrorSummary req={req} errors={translated} />
      <form method="post" action={base} novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="version" value={String(p.version)} />
        {text('name')}{text('name_en')}{text('code', 100)}{text('field', 200)}
        <Select name="processing_unit" label={t('catalogue.staff.f_processing_unit')} value={values.processing_unit} error={err('processing_unit')}
          options={PROCESSING_UNITS.map((u) => ({ value: u, label: t(`catalogue.staff.unit.${u}`) }))} />
        <TextInput name="processing_value" type="number" min={0} max={365} label={t('catalogue.staff.f_processing_value')} value={values.processing_value} error={err('processing_value')} />
        {text('processing_note', 1000)}
        <TextInput name="fee_amount" label={t('catalogue.staff.f_fee_amount')} hint={t('catalogue.staff.f_fee_amount_hint')} value={values.fee_amount} error={err('fee_amount')} inputMode="numeric" />
        <TextInput name="fee_online_amount" label={t('catalogue.staff.f_fee_online_amount')} hint={t('catalogue.staff.f_fee_online_amount_hint')}
          value={values.fee_online_amount} error={err('fee_online_amount')} inputMode="numeric" />
        {text('fee_unit', 50)}
        <fieldset class="field">
          <legend>{t('catalogue.staff.tiers_legend')}</legend>
          <p class="field__hint">{t('catalogue.staff.tiers_hint')}</p>
          <TextInput name="tier_first_units" type="number" min={1} max={1000} label={t('catalogue.staff.f_tier_first_units')} value={values.tier_first_units} error={err('tier_first_units')} />
          <TextInput name="tier_next_rate" label={t('catalogue.staff.f_tier_next_rate')} value={values.tier_next_rate} error={err('tier_next_rate')} inputMode="numeric" />
          <TextInput name="tier_max" label={t('catalogue.staff.f_tier_max')} value={values.tier_max} error={err('tier_max')} inputMode="numeric" />
        </fieldset>
        {text('fee_note', 1000)}
        {area('documents', 6)}{area('steps', 5)}{area('legal_basis', 4)}{area('keywords', 4)}
        <Select name="online_level" label={t('catalogue.staff.f_online_level')} value={values.online_level} error={err('online_level')} placeholder={t('catalogue.online.none')}
          options={ONLINE_LEVELS.map((l) => ({ value: l, label: t(`catalogue.online.${l}`) }))} />
        {text('counter', 200)}
        <div class="choice">
          <input type="checkbox" id="f-published" name="published" value="on" checked={values.published === 'on'} />
          <label for="f-published">{t('catalogue.staff.f_published')}</label>
        </div>
        {text('change_note', 500)}
        <button class="button" type="submit">{t('catalogue.staff.save')}</button>
      </form>
      <AttachmentsSection req={req} p={p} attachments={attachments} base={base} />
    </>
  );
}
