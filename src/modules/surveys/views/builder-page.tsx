import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, Select, Textarea, TextInput } from '../../../web/components/forms.js';
import type { DefinitionProblem } from '../definition.js';
import type { SurveyRow } from '../repo.js';
import type { Question, Section } from '../types.js';
import { QuestionEditor } from './question-editor.js';
import { StatusBadge } from './staff-list-page.js';

interface Props { req: FastifyRequest; survey: SurveyRow; changed: boolean; problems?: DefinitionProblem[]; publicUrl: string }

function ActionButton({ req, action, name, value, label }: { req: FastifyRequest; action: string; name: string; value: string; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField req={req} />
      <button class="button button--secondary button--small" type="submit" name={name} value={value}>{label}</button>
    </form>
  );
}

function QuestionItem({ req, base, q, n }: { req: FastifyRequest; base: string; q: Question; n: number }) {
  const act = `${base}/cau-hoi/${q.id}/thao-tac`;
  return (
    <li class="builder__question" id={`q-${q.id}`}>
      <p><strong>{n}. {q.text.vi}</strong> <span class="muted" lang="en">/ {q.text.en}</span></p>
      <p class="muted">{req.t(`surveys.type.${q.type}`)}{q.required ? ` · ${req.t('surveys.required')}` : ''}{q.index ? ` · ${req.t('surveys.builder.in_index')}` : ''}</p>
      <div class="button-group">
        <a class="button button--secondary button--small" href={`${base}/cau-hoi/${q.id}`}>{req.t('surveys.builder.edit')}<span class="visually-hidden"> {n}</span></a>
        <ActionButton req={req} action={act} name="action" value="up" label={req.t('surveys.builder.up')} />
        <ActionButton req={req} action={act} name="action" value="down" label={req.t('surveys.builder.down')} />
        <ActionButton req={req} action={act} name="action" value="delete" label={req.t('surveys.builder.delete')} />
      </div>
    </li>
  );
}

function SectionBlock({ req, base, s, start }: { req: FastifyRequest; base: string; s: Section; start: number }) {
  const act = `${base}/phan/${s.id}/thao-tac`;
  return (
    <section class="builder__section" aria-labelledby={`sec-${s.id}`}>
      <h3 id={`sec-${s.id}`}>{s.title.vi} <span class="muted" lang="en">/ {s.title.en}</span></h3>
      <div class="button-group">
        <ActionButton req={req} action={act} name="action" value="up" label={req.t('surveys.builder.section_up')} />
        <ActionButton req={req} action={act} name="action" value="down" label={req.t('surveys.builder.section_down')} />
        <ActionButton req={req} action={act} name="action" value="delete" label={req.t('surveys.builder.section_delete')} />
      </div>
      <details>
        <summary>{req.t('surveys.builder.section_rename')}</summary>
        <form method="post" action={act}>
          <CsrfField req={req} />
          <input type="hidden" name="action" value="rename" />
          <TextInput name={`title_vi-${s.id}`} label={req.t('surveys.builder.section_vi')} value={s.title.vi} required />
          <TextInput name={`title_en-${s.id}`} label={req.t('surveys.builder.section_en')} value={s.title.en} required />
          <Button variant="secondary">{req.t('surveys.builder.save')}</Button>
        </form>
      </details>
      <ol class="builder__questions">{s.questions.map((q, i) => <QuestionItem req={req} base={base} q={q} n={start + i + 1} />)}</ol>
    </section>
  );
}

function Settings({ req, survey, base }: { req: FastifyRequest; survey: SurveyRow; base: string }) {
  const rules = ['none', 'device', 'phone'].map((r) => ({ value: r, label: req.t(`surveys.rule.${r}`) }));
  return (
    <form method="post" action={`${base}/cai-dat`}>
      <CsrfField req={req} />
      <TextInput name="title_vi" label={req.t('surveys.builder.title_vi')} value={survey.title_vi} required />
      <TextInput name="title_en" label={req.t('surveys.builder.title_en')} value={survey.title_en} />
      <Textarea name="description_vi" label={req.t('surveys.builder.description_vi')} value={survey.description_vi} rows={2} />
      <Textarea name="description_en" label={req.t('surveys.builder.description_en')} value={survey.description_en} rows={2} />
      <Select name="rule" label={req.t('surveys.builder.rule')} options={rules} value={survey.rule} />
      <Choices name="public_results" legend={req.t('surveys.builder.public_results')} options={[{ value: 'on', label: req.t('surveys.builder.public_results_yes') }]}
        value={survey.public_results ? 'on' : undefined} multiple />
      <Button>{req.t('surveys.builder.save')}</Button>
    </form>
  );
}

export function BuilderPage({ req, survey, changed, problems, publicUrl }: Props) {
  const base = `/quan-tri/${req.unit!.slug}/khao-sat/${survey.id}`;
  const pub = `/${req.unit!.slug}/khao-sat/${survey.slug}`;
  let count = 0;
  return (
    <>
      <h1>{survey.title_vi}</h1>
      <p><StatusBadge req={req} status={survey.status} /> {survey.current_version > 0 && req.t('surveys.builder.version', { n: survey.current_version })}</p>
      {problems && problems.length > 0 && (
        <div class="error-summary" role="alert"><h2>{req.t('surveys.builder.cannot_publish')}</h2><ul>{problems.map((p) => <li>{p.message}</li>)}</ul></div>
      )}
      {changed && <Alert kind="warning">{req.t('surveys.builder.changed', { n: survey.current_version + 1 })}</Alert>}
      <div class="button-group">
        {(survey.status !== 'published' || changed) && <ActionButton req={req} action={`${base}/trang-thai`} name="action" value="publish" label={req.t(changed ? 'surveys.builder.publish_version' : 'surveys.builder.publish')} />}
        {survey.status === 'published' && <ActionButton req={req} action={`${base}/trang-thai`} name="action" value="close" label={req.t('surveys.builder.close')} />}
        <a href={`${base}/xem-truoc`}>{req.t('surveys.builder.preview')}</a>
        <a href={`${base}/ket-qua`}>{req.t('surveys.staff.results')}</a>
        {survey.status !== 'draft' && <>
          <a href={pub}>{req.t('surveys.builder.public_link')}</a>
          <a href={`${base}/ap-phich`}>{req.t('surveys.builder.poster')}</a>
          <a href={`${pub}/phieu`}>{req.t('surveys.builder.paper')}</a>
          <a href={`${base}/nhap-phieu`}>{req.t('surveys.builder.key_in')}</a>
          <a href={`${base}/kiosk`}>{req.t('surveys.builder.kiosk')}</a>
        </>}
      </div>
      {survey.status !== 'draft' && <p class="muted">{req.t('surveys.builder.link')}: <code>{publicUrl}{pub}</code></p>}
      <details><summary>{req.t('surveys.builder.settings')}</summary><Settings req={req} survey={survey} base={base} /></details>
      <h2>{req.t('surveys.builder.questions')}</h2>
      {survey.draft.sections.map((s) => {
        const start = count;
        count += s.questions.length;
        return <SectionBlock req={req} base={base} s={s} start={start} />;
      })}
      <h2>{req.t('surveys.builder.add_section')}</h2>
      <form method="post" action={`${base}/phan`}>
        <CsrfField req={req} />
        <TextInput name="section_vi" label={req.t('surveys.builder.section_vi')} required />
        <TextInput name="section_en" label={req.t('surveys.builder.section_en')} required />
        <Button>{req.t('surveys.builder.add_section')}</Button>
      </form>
      {survey.draft.sections.length > 0 && <>
        <h2>{req.t('surveys.builder.add_question')}</h2>
        <QuestionEditor req={req} action={`${base}/cau-hoi`} sections={survey.draft.sections} submitLabel={req.t('surveys.builder.add_question')} />
      </>}
    </>
  );
}
