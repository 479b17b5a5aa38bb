import type { FastifyRequest } from 'fastify';
import { Button, CsrfField } from '../../../web/components/forms.js';
import { Alert } from '../../../web/components/display.js';
import type { AnswerError } from '../answer-errors.js';
import { answerErrorMessage } from '../answer-errors.js';
import type { SurveyRow } from '../repo.js';
import type { Lang, SurveyDefinition } from '../types.js';
import { formValueOf, QuestionField } from './question-field.js';

export interface SurveyFormProps {
  req: FastifyRequest;
  survey: SurveyRow;
  def: SurveyDefinition;
  action: string;
  body?: Record<string, unknown>;
  errors?: AnswerError[];
  /** Hidden fields (channel, phone verification). */
  hidden?: Record<string, string>;
  kiosk?: boolean;
  intro?: boolean;
  /** A message above the form, e.g. "please send again" when the device cookie was missing. */
  notice?: { title: string; text: string };
  /** Where surveys-draft.js saves a scale answer on the first tap (public form only). */
  draftUrl?: string;
}

export const surveyTitle = (s: SurveyRow, lang: Lang): string => (lang === 'en' && s.title_en ? s.title_en : s.title_vi);
export const surveyDescription = (s: SurveyRow, lang: Lang): string =>
  (lang === 'en' && s.description_en ? s.description_en : s.description_vi);

function ErrorList({ req, def, errors }: { req: FastifyRequest; def: SurveyDefinition; errors: AnswerError[] }) {
  const lang = req.lang as Lang;
  const text = (id: string) => def.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text[lang] ?? id;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{req.t('core.error_summary')}</h2>
      <ul>{errors.map((e) => <li><a href={`#f-q_${e.questionId}`}>{text(e.questionId)}: {answerErrorMessage(e.code, lang)}</a></li>)}</ul>
    </div>
  );
}

/** The survey as one plain HTML form: works without JavaScript, on paper-sized and kiosk screens. */
export function SurveyForm({ req, survey, def, action, body = {}, errors = [], hidden = {}, kiosk, intro = true, notice, draftUrl }: SurveyFormProps) {
  const lang = req.lang as Lang;
  const errorOf = (id: string) => errors.find((e) => e.questionId === id);
  let n = 0;
  return (
    <div class={kiosk ? 'survey survey--kiosk' : 'survey'}>
      <h1>{surveyTitle(survey, lang)}</h1>
      {intro && <p class="lead">{surveyDescription(survey, lang)}</p>}
      {intro && <Alert kind="info">{req.t('surveys.anonymous_note')}</Alert>}
      {notice && <Alert kind="warning" title={notice.title}><p>{notice.text}</p></Alert>}
      {errors.length > 0 && <ErrorList req={req} def={def} errors={errors} />}
      <form method="post" action={action} novalidate data-draft-url={draftUrl}>
        <CsrfField req={req} />
        {Object.entries(hidden).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
        {def.sections.map((s) => (
          <section class="survey__section" aria-labelledby={`s-${s.id}`}>
            <h2 id={`s-${s.id}`}>{s.title[lang]}</h2>
            {s.questions.map((q) => {
              const e = errorOf(q.id);
              return <QuestionField req={req} q={q} n={++n} value={formValueOf(q, body)} error={e && answerErrorMessage(e.code, lang)} />;
            })}
          </section>
        ))}
        {draftUrl && <p class="muted survey__draft-status" data-draft-status aria-live="polite" hidden
          data-saved={req.t('surveys.draft_saved')} data-failed={req.t('surveys.draft_failed')}></p>}
        <div class="button-group"><Button>{req.t('surveys.submit')}</Button></div>
      </form>
    </div>
  );
}
