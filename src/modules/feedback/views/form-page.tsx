import type { FastifyRequest } from 'fastify';
import { Button, Choices, CsrfField, ErrorSummary, Field, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { CATEGORY_CODES } from '../categories.js';
import { mapAttributes, type MapSettings } from '../map.js';

export interface FormValues {
  category?: string;
  content?: string;
  name?: string;
  phone?: string;
  email?: string;
  lat?: string;
  lng?: string;
  address?: string;
  shareLocation?: boolean;
}

/**
 * The public feedback form. Works without JavaScript; `feedback-form.js` sends it through fetch and
 * fills lat/lng from the browser's position, `feedback-map.js` shows the (hidden) map where a click
 * fills lat/lng.
 */
export function FeedbackFormPage({ req, values, errors, idempotencyKey, map }: {
  req: FastifyRequest; values: FormValues; errors: FieldErrors; idempotencyKey: string; map: MapSettings;
}) {
  const t = req.t;
  const base = `/${req.unit!.slug}/phan-anh`;
  return (
    <div class="feedback">
      <h1>{t('feedback.form.title')}</h1>
      <p class="lead">{t('feedback.form.intro')}</p>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={base} enctype="multipart/form-data" class="feedback-form" novalidate>
        <CsrfField req={req} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <Choices name="category" legend={t('feedback.form.category')} error={errors.category} value={values.category}
          options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} required />
        <Textarea name="content" label={t('feedback.form.content')} hint={t('feedback.form.contentHint')}
          error={errors.content} value={values.content} rows={6} maxLength={5000} required />
        <TextInput name="photos" type="file" label={t('feedback.form.photos')} hint={t('feedback.form.photosHint')}
          error={errors.photos} accept="image/jpeg,image/png,image/webp" multiple />
        <fieldset class="feedback-form__group" aria-describedby="f-location-hint">
          <legend>{t('feedback.form.location')}</legend>
          <span class="field__hint" id="f-location-hint">{t('feedback.form.locationHint')}</span>
          <TextInput name="address" label={t('feedback.form.address')} error={errors.address ?? errors.lat} value={values.address} maxLength={300} autocomplete="street-address" />
          {/* The point comes from "use my location" or the map (both need JavaScript); citizens never type coordinates. */}
          <input type="hidden" id="f-lat" name="lat" value={values.lat ?? ''} />
          <input type="hidden" id="f-lng" name="lng" value={values.lng ?? ''} />
          <p class="feedback-form__geo" data-geo-label={t('feedback.form.useMyLocation')} data-geo-done={t('feedback.form.locationTaken')}
            data-geo-failed={t('feedback.form.locationFailed')} hidden></p>
          <div class="feedback-map-block" hidden>
            <p class="field__hint" id="f-map-hint">{t('feedback.map.formHint')}</p>
            <div class="feedback-map" id="f-map" role="region" aria-label={t('feedback.map.formLabel')} aria-describedby="f-map-hint"
              data-picked={t('feedback.map.picked')} {...mapAttributes(map, req, 'form')}></div>
            <p class="visually-hidden" aria-live="polite" data-map-status></p>
          </div>
          <div class="choice">
            <input type="checkbox" id="f-shareLocation" name="shareLocation" value="on" checked={values.shareLocation} />
            <label for="f-shareLocation">{t('feedback.form.shareLocation')}</label>
          </div>
        </fieldset>
        <fieldset class="feedback-form__group" aria-describedby="f-contact-hint">
          <legend>{t('feedback.form.contact')}</legend>
          <span class="field__hint" id="f-contact-hint">{t('feedback.form.contactHint')}</span>
          <TextInput name="name" label={t('feedback.form.name')} error={errors.name} value={values.name} autocomplete="name" maxLength={120} />
          <TextInput name="phone" type="tel" label={t('feedback.form.phone')} error={errors.phone} value={values.phone} autocomplete="tel" />
          <TextInput name="email" type="email" label={t('feedback.form.email')} error={errors.email} value={values.email} autocomplete="email" />
        </fieldset>
        <Button>{t('feedback.form.submit')}</Button>
      </form>
      <LookupForm req={req} />
      <p><a href={`${base}/cong-khai`}>{t('feedback.form.boardLink')}</a></p>
    </div>
  );
}

export function LookupForm({ req, error, value }: { req: FastifyRequest; error?: string; value?: string }) {
  const t = req.t;
  return (
    <section class="feedback-lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('feedback.form.lookupTitle')}</h2>
      <form method="get" action={`/${req.unit!.slug}/phan-anh/tra-cuu`}>
        <Field name="ma" label={t('feedback.form.lookupCode')} hint={t('feedback.form.lookupHint')} error={error}>
          <input id="f-ma" name="ma" type="text" value={value} autoComplete="off" aria-describedby={error ? 'f-ma-hint f-ma-error' : 'f-ma-hint'} />
        </Field>
        <Button variant="secondary">{t('feedback.form.lookup')}</Button>
      </form>
    </section>
  );
}
