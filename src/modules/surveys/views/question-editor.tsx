import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, Select, Textarea, TextInput } from '../../../web/components/forms.js';
import { choiceLines } from '../definition.js';
import { scaleLabelLines } from '../question-form.js';
import { QUESTION_TYPES, type Question, type Section } from '../types.js';

interface Props {
  req: FastifyRequest;
  action: string;
  sections?: Section[];
  question?: Question;
  errors?: string[];
  submitLabel: string;
}

/**
 * The add/edit question form. Choices, rows and scale labels are one per line as
 * "Tiếng Việt | English", so the builder needs no JavaScript.
 */
export function QuestionEditor({ req, action, sections, question: q, errors, submitLabel }: Props) {
  const types = QUESTION_TYPES.map((t) => ({ value: t, label: req.t(`surveys.type.${t}`) }));
  return (
    <form method="post" action={action} class="question-editor">
      <CsrfField req={req} />
      {errors && errors.length > 0 && (
        <div class="error-summary" role="alert"><h3>{req.t('core.error_summary')}</h3><ul>{errors.map((e) => <li>{e}</li>)}</ul></div>
      )}
      {sections && (
        <Select name="section" label={req.t('surveys.builder.section')} options={sections.map((s) => ({ value: s.id, label: s.title.vi }))} />
      )}
      <Select name="type" label={req.t('surveys.builder.type')} options={types} value={q?.type ?? 'single'} />
      <TextInput name="text_vi" label={req.t('surveys.builder.text_vi')} value={q?.text.vi} required />
      <TextInput name="text_en" label={req.t('surveys.builder.text_en')} value={q?.text.en} required />
      <div class="choice">
        <input type="checkbox" id={`f-required-${q?.id ?? 'new'}`} name="required" value="on" checked={q?.required ?? false} />
        <label for={`f-required-${q?.id ?? 'new'}`}>{req.t('surveys.builder.required')}</label>
      </div>
      <div class="choice">
        <input type="checkbox" id={`f-index-${q?.id ?? 'new'}`} name="index" value="on" checked={q?.index ?? false} />
        <label for={`f-index-${q?.id ?? 'new'}`}>{req.t('surveys.builder.index')}</label>
      </div>
      <Textarea name="options" label={req.t('surveys.builder.options')} hint={req.t('surveys.builder.lines_hint')} value={choiceLines(q?.options)} rows={4} />
      <Textarea name="rows" label={req.t('surveys.builder.rows')} hint={req.t('surveys.builder.lines_hint')} value={choiceLines(q?.rows)} rows={4} />
      <Textarea name="scale_labels" label={req.t('surveys.builder.scale_labels')} hint={req.t('surveys.builder.scale_hint')}
        value={q?.scaleLabels ? scaleLabelLines(q.scaleLabels) : ''} rows={5} />
      <Button>{submitLabel}</Button>
    </form>
  );
}
