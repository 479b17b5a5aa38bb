import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, TextInput, type FieldErrors } from '../../../web/components/forms.js';
import { DEFAULT_CATEGORY_RULES } from '../categories.js';
import { CHAIRMAN_AFTER_MAX, DEADLINE_MAX, REMIND_MAX, fieldName, type FeedbackSettings } from '../settings.js';

/**
 * Admin page: deadlines per category, department heads and the chairman who receive escalations.
 * `values` are the posted strings after a failed save (so nothing typed is lost), else the stored settings.
 */
export function SettingsPage({ req, settings, values, errors, notice }: {
  req: FastifyRequest; settings: FeedbackSettings; values?: Record<string, string>; errors: FieldErrors; notice?: string;
}) {
  const t = req.t;
  const v = (name: string, stored: string | number | null) => (values ? values[name] ?? '' : stored ?? '');
  return (
    <div class="feedback">
      <h1>{t('feedback.settings.title')}</h1>
      <p class="lead">{t('feedback.settings.intro')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={`/quan-tri/${req.unit!.slug}/phan-anh/cau-hinh`} class="feedback-settings" novalidate>
        <CsrfField req={req} />
        <h2>{t('feedback.settings.deadlines')}</h2>
        <p class="muted">{t('feedback.settings.deadlinesHint')}</p>
        <div class="feedback-settings__grid">
          {settings.deadlines.map((d) => (
            <fieldset class="feedback-form__group">
              <legend>{t(`feedback.category.${d.category}`)}</legend>
              <div class="feedback-form__coords">
                <TextInput name={fieldName.days(d.category)} type="number" min={1} max={DEADLINE_MAX} inputMode="numeric"
                  label={t('feedback.settings.workingDays')} hint={t('feedback.settings.default', { n: DEFAULT_CATEGORY_RULES[d.category].deadlineDays })}
                  value={v(fieldName.days(d.category), d.workingDays)} error={errors[fieldName.days(d.category)]} />
                <TextInput name={fieldName.remind(d.category)} type="number" min={0} max={REMIND_MAX} inputMode="numeric"
                  label={t('feedback.settings.remindBefore')} hint={t('feedback.settings.default', { n: DEFAULT_CATEGORY_RULES[d.category].remindDaysBefore })}
                  value={v(fieldName.remind(d.category), d.remindDaysBefore)} error={errors[fieldName.remind(d.category)]} />
              </div>
            </fieldset>
          ))}
        </div>
        <h2>{t('feedback.settings.heads')}</h2>
        <p class="muted">{t('feedback.settings.headsHint')}</p>
        {settings.departments.length === 0 && <p class="muted">{t('feedback.settings.noDepartments')}</p>}
        {settings.departments.map((d) => (
          <fieldset class="feedback-form__group">
            <legend>{d.name}</legend>
            <div class="feedback-form__coords">
              <TextInput name={fieldName.headName(d.code)} label={t('feedback.settings.headName')} maxLength={120} autocomplete="off"
                value={v(fieldName.headName(d.code), d.headName)} error={errors[fieldName.headName(d.code)]} />
              <TextInput name={fieldName.headEmail(d.code)} type="email" label={t('feedback.settings.headEmail')} maxLength={200} autocomplete="off"
                value={v(fieldName.headEmail(d.code), d.headEmail)} error={errors[fieldName.headEmail(d.code)]} />
            </div>
          </fieldset>
        ))}
        <h2>{t('feedback.settings.chairman')}</h2>
        <fieldset class="feedback-form__group">
          <legend>{t('feedback.settings.chairmanLegend')}</legend>
          <div class="feedback-form__coords">
            <TextInput name="chairmanName" label={t('feedback.settings.chairmanName')} maxLength={120} autocomplete="off"
              value={v('chairmanName', settings.chairman.name)} error={errors.chairmanName} />
            <TextInput name="chairmanEmail" type="email" label={t('feedback.settings.chairmanEmail')} maxLength={200} autocomplete="off"
              value={v('chairmanEmail', settings.chairman.email)} error={errors.chairmanEmail} />
          </div>
          <TextInput name="chairmanAfter" type="number" min={1} max={CHAIRMAN_AFTER_MAX} inputMode="numeric"
            label={t('feedback.settings.chairmanAfter')} hint={t('feedback.settings.chairmanAfterHint')}
            value={v('chairmanAfter', settings.chairman.afterDays)} error={errors.chairmanAfter} />
        </fieldset>
        <Button>{t('feedback.settings.save')}</Button>
      </form>
    </div>
  );
}
