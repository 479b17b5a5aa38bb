import type { FastifyRequest } from 'fastify';
import { Choices, Textarea } from '../../../web/components/forms.js';
import type { AnswerValue, Lang, Question } from '../types.js';
import { DEFAULT_SCALE_LABELS } from '../types.js';

interface Props { req: FastifyRequest; q: Question; n: number; value?: unknown; error?: string }

const lang = (req: FastifyRequest): Lang => (req.lang === 'en' ? 'en' : 'vi');

function legendOf(req: FastifyRequest, q: Question, n: number): string {
  const mark = q.required ? ` (${req.t('surveys.required')})` : '';
  return `${req.t('surveys.question_n', { n })}. ${q.text[lang(req)]}${mark}`;
}

function ScaleRadios({ req, name, labels, value, legend, error, compact }: {
  req: FastifyRequest; name: string; labels: Question['scaleLabels']; value?: unknown; legend: string; error?: string; compact?: boolean;
}) {
  const ls = labels ?? DEFAULT_SCALE_LABELS;
  return (
    <fieldset class={`scale${compact ? ' scale--row' : ''}${error ? ' field--error' : ''}`} id={`f-${name}`}>
      <legend>{legend}</legend>
      {error && <span class="field__error">{error}</span>}
      <div class="scale__points">
        {ls.map((l, i) => (
          <label class="scale__point">
            <input type="radio" name={name} value={String(i + 1)} checked={String(value ?? '') === String(i + 1)} />
            <span class="scale__num">{i + 1}</span>
            <span class="scale__label">{l[lang(req)]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One question of the public form, named as answersFromForm reads it back. */
export function QuestionField({ req, q, n, value, error }: Props) {
  const name = `q_${q.id}`;
  const legend = legendOf(req, q, n);
  const options = (q.options ?? []).map((o) => ({ value: o.id, label: o.label[lang(req)] }));
  switch (q.type) {
    case 'single':
      return <Choices name={name} legend={legend} error={error} options={options} value={value as string} />;
    case 'multiple':
      return <Choices name={name} legend={legend} hint={req.t('surveys.choose_many')} error={error} options={options} value={value as string[]} multiple />;
    case 'scale':
      return <ScaleRadios req={req} name={name} labels={q.scaleLabels} value={value} legend={legend} error={error} />;
    case 'text':
      return <Textarea name={name} label={legend} error={error} value={(value as string) ?? ''} maxLength={2000} rows={4} />;
    case 'matrix': {
      const v = (value ?? {}) as Record<string, unknown>;
      return (
        <fieldset class={`matrix${error ? ' field--error' : ''}`} id={`f-${name}`}>
          <legend>{legend}</legend>
          {error && <span class="field__error">{error}</span>}
          {(q.rows ?? []).map((r) => (
            <ScaleRadios req={req} name={`${name}__${r.id}`} labels={q.scaleLabels} value={v[r.id]} legend={r.label[lang(req)]} compact />
          ))}
        </fieldset>
      );
    }
  }
}

/** Form values (as posted) back into the shape QuestionField shows. */
export function formValueOf(q: Question, body: Record<string, unknown>): unknown {
  if (q.type !== 'matrix') return body[`q_${q.id}`];
  return Object.fromEntries((q.rows ?? []).map((r) => [r.id, body[`q_${q.id}__${r.id}`]]));
}

export type { AnswerValue };
