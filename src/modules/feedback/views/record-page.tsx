import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { CATEGORY_CODES, CHANNELS } from '../categories.js';

/** Channels staff record by hand (web, API and Open311 arrive by themselves). */
export const RECORDED_CHANNELS = CHANNELS.filter((c) => !['web', 'api', 'open311'].includes(c));

/** Staff record an item that arrived by box, hotline, e-mail, Zalo, Facebook, in person or weekly intake. */
export function RecordPage({ req, values, errors, notice }: { req: FastifyRequest; values: Record<string, string>; errors: FieldErrors; notice?: string }) {
  const t = req.t;
  return (
    <div class="feedback">
      <h1>{t('feedback.staff.recordTitle')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/phan-anh/ghi-nhan`} enctype="multipart/form-data">
        <CsrfField req={req} />
        <Select name="channel" label={t('feedback.staff.channel')} value={values.channel} error={errors.channel} required
          options={RECORDED_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) }))} />
        <Select name="category" label={t('feedback.status.category')} value={values.category} error={errors.category} required placeholder="—"
          options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} />
        <Textarea name="content" label={t('feedback.form.content')} value={values.content} error={errors.content} rows={6} required maxLength={5000} />
        <TextInput name="receivedOn" type="date" label={t('feedback.staff.receivedOn')} value={values.receivedOn} error={errors.receivedOn} />
        <TextInput name="boxLocation" label={t('feedback.staff.boxLocation')} value={values.boxLocation} maxLength={200} />
        <TextInput name="address" label={t('feedback.form.address')} value={values.address} error={errors.address} maxLength={300} />
        <TextInput name="name" label={t('feedback.form.name')} value={values.name} error={errors.name} maxLength={120} />
        <TextInput name="phone" type="tel" label={t('feedback.form.phone')} value={values.phone} error={errors.phone} />
        <TextInput name="email" type="email" label={t('feedback.form.email')} value={values.email} error={errors.email} />
        <TextInput name="photos" type="file" label={t('feedback.form.photos')} hint={t('feedback.form.photosHint')} error={errors.photos} accept="image/jpeg,image/png,image/webp" multiple />
        <Button>{t('feedback.common.save')}</Button>
      </form>
    </div>
  );
}
