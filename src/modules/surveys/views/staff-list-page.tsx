import type { FastifyRequest } from 'fastify';
import { StatusTag, Table } from '../../../web/components/display.js';
import { Button, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import type { SurveyRow } from '../repo.js';
import { TEMPLATES } from '../templates.js';
import { surveyTitle } from './survey-form-page.js';
import type { Lang } from '../types.js';

const TONE = { draft: 'info', published: 'ok', closed: 'warn' } as const;

export function StatusBadge({ req, status }: { req: FastifyRequest; status: SurveyRow['status'] }) {
  return <StatusTag tone={TONE[status]}>{req.t(`surveys.status.${status}`)}</StatusTag>;
}

export function StaffSurveyList({ req, surveys, counts, errors, values }: {
  req: FastifyRequest; surveys: SurveyRow[]; counts: Map<string, number>; errors?: Record<string, string>; values?: Record<string, unknown>;
}) {
  const base = `/quan-tri/${req.unit!.slug}/khao-sat`;
  const templates = [{ value: '', label: req.t('surveys.builder.blank') },
    ...TEMPLATES.map((t) => ({ value: t.key, label: t.title[req.lang as Lang] }))];
  return (
    <>
      <h1>{req.t('surveys.staff.title')}</h1>
      <Table caption={req.t('surveys.staff.title')} rows={surveys} empty={req.t('surveys.public.none')} columns={[
        { header: req.t('surveys.staff.survey'), cell: (s) => <a href={`${base}/${s.id}`}>{surveyTitle(s, req.lang as Lang)}</a> },
        { header: req.t('surveys.staff.status'), cell: (s) => <StatusBadge req={req} status={s.status} /> },
        { header: req.t('surveys.staff.version'), cell: (s) => s.current_version || '–', numeric: true },
        { header: req.t('surveys.staff.responses'), cell: (s) => counts.get(s.id) ?? 0, numeric: true },
        { header: req.t('surveys.staff.results'), cell: (s) => <a href={`${base}/${s.id}/ket-qua`}>{req.t('surveys.staff.results')}</a> },
      ]} />
      <h2>{req.t('surveys.staff.create')}</h2>
      <form method="post" action={base}>
        <CsrfField req={req} />
        <Select name="template" label={req.t('surveys.builder.template')} options={templates} value={values?.template as string} />
        <TextInput name="title_vi" label={req.t('surveys.builder.title_vi')} hint={req.t('surveys.builder.title_hint')} value={values?.title_vi as string} error={errors?.title_vi} />
        <TextInput name="title_en" label={req.t('surveys.builder.title_en')} value={values?.title_en as string} />
        <TextInput name="slug" label={req.t('surveys.builder.slug')} hint={req.t('surveys.builder.slug_hint')} value={values?.slug as string} error={errors?.slug} />
        <Button>{req.t('surveys.staff.create')}</Button>
      </form>
    </>
  );
}
