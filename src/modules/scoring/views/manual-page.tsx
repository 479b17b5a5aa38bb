import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { Alert } from '../../../web/components/display.js';
import { CsrfField, ErrorSummary } from '../../../web/components/forms.js';
import type { IndicatorDefinition } from '../../../core/providers.js';
import type { ManualEntry } from '../repo.js';
import { StatusOf } from './format.js';

interface Props {
  req: FastifyRequest; unitSlug: string; year: number; definition: IndicatorDefinition; history: ManualEntry[];
  canSubmit: boolean; canReview: boolean; finalised: boolean; errors?: Record<string, string>; values?: Record<string, string>;
}

const VALUES: [string, string][] = [['1', 'scoring.manual.value_1'], ['0.5', 'scoring.manual.value_05'], ['0', 'scoring.manual.value_0']];

function ReviewForm({ req, action }: { req: FastifyRequest; action: string }) {
  const t = req.t;
  return (
    <form method="post" action={action} class="review-form">
      <CsrfField req={req} />
      <div class="field"><label for={`note-${action}`}>{t('scoring.manual.review_note')}</label>
        <textarea id={`note-${action}`} name="note" rows={2} maxLength={1000} /></div>
      <div class="button-group">
        <button class="button" type="submit" name="decision" value="approve">{t('scoring.manual.approve')}</button>
        <button class="button button--secondary" type="submit" name="decision" value="reject">{t('scoring.manual.reject')}</button>
      </div>
    </form>
  );
}

export function ManualPage({ req, unitSlug, year, definition, history, canSubmit, canReview, finalised, errors, values }: Props) {
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  const base = `/quan-tri/${unitSlug}/tieu-chi/minh-chung/${encodeURIComponent(definition.id)}`;
  const valueOf = (v: number) => t(v >= 1 ? 'scoring.manual.value_1' : v > 0 ? 'scoring.manual.value_05' : 'scoring.manual.value_0');
  return (
    <>
      <h1>{t('scoring.manual.title', { indicator: definition.label[lang] })} ({year})</h1>
      <p class="muted">{definition.formula[lang]}</p>
      <ErrorSummary req={req} errors={errors} />
      <h2>{t('scoring.manual.history')}</h2>
      {!history.length && <p class="muted">{t('scoring.manual.none')}</p>}
      <ol class="evidence-list">
        {history.map((e, k) => (
          <li class="card">
            <p><StatusOf t={t} status={e.status === 'approved' ? 'met' : e.status === 'pending' ? 'pending' : 'not_met'} /> {valueOf(e.value)}
              {e.status === 'rejected' && <> — {t('scoring.status.not_met')}</>}</p>
            <p>{e.statement}</p>
            <p class="muted">{t('scoring.manual.submitted', { by: e.submitted_by, at: formatDateTime(e.submitted_at) })}
              {e.reviewed_by && <> · {t('scoring.manual.reviewed', { by: e.reviewed_by, at: formatDateTime(e.reviewed_at!) })}</>}</p>
            {e.review_note && <p>{t('scoring.manual.review_note')}: {e.review_note}</p>}
            {e.evidence_name && <p><a href={`/quan-tri/${unitSlug}/tieu-chi/minh-chung-tep/${e.id}`}>{t('scoring.manual.download')}: {e.evidence_name}</a></p>}
            {k === 0 && e.status === 'pending' && canReview && !finalised && <ReviewForm req={req} action={`${base}/${e.id}/duyet?nam=${year}`} />}
          </li>
        ))}
      </ol>
      {finalised && <Alert kind="info">{t('scoring.dashboard.finalised', { year, date: '' })}</Alert>}
      {canSubmit && !finalised && (
        <form method="post" action={`${base}?nam=${year}`} enctype="multipart/form-data">
          <CsrfField req={req} />
          <fieldset class={`field${errors?.value ? ' field--error' : ''}`} id="f-value">
            <legend>{t('scoring.manual.value')}</legend>
            {errors?.value && <p class="field__error">{errors.value}</p>}
            {VALUES.map(([v, key]) => (
              <div class="choice"><input type="radio" id={`f-value-${v}`} name="value" value={v} checked={(values?.value ?? '1') === v} />
                <label for={`f-value-${v}`}>{t(key)}</label></div>
            ))}
          </fieldset>
          <div class={`field${errors?.statement ? ' field--error' : ''}`}>
            <label for="f-statement">{t('scoring.manual.statement')}</label>
            {errors?.statement && <p class="field__error" id="f-statement-error">{errors.statement}</p>}
            <textarea id="f-statement" name="statement" rows={4} maxLength={2000} required>{values?.statement ?? ''}</textarea>
          </div>
          <div class={`field${errors?.file ? ' field--error' : ''}`}>
            <label for="f-file">{t('scoring.manual.file')}</label>
            {errors?.file && <p class="field__error" id="f-file-error">{errors.file}</p>}
            <input id="f-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
          </div>
          <button class="button" type="submit">{t('scoring.manual.submit')}</button>
        </form>
      )}
      <p><a href={`/quan-tri/${unitSlug}/tieu-chi?nam=${year}`}>← {t('scoring.staff_nav')}</a></p>
    </>
  );
}
