import type { FastifyRequest } from 'fastify';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { CATEGORIES, LAND_KINDS } from '../lib/categories.js';
import { DEFAULT_POSTING_DAYS } from '../lib/posting.js';
import type { DisclosureDocument, LandProject, PublicComment } from '../repo-disclosures.js';
import type { UnitText } from '../repo-reception.js';
import { Flash } from './shared.js';
import { TextForm } from './staff-text-form.js';
import { formatDate } from '../../../lib/format.js';

type V = Record<string, string>;
interface Props {
  req: FastifyRequest; docs: DisclosureDocument[]; projects: LandProject[]; pending: PublicComment[]; commitment?: UnitText; flash?: string;
  docErrors?: FieldErrors; docValues?: V; projectErrors?: FieldErrors; projectValues?: V; textErrors?: FieldErrors; textValues?: V;
}

function DocumentForm({ req, projects, errors, values }: { req: FastifyRequest; projects: LandProject[]; errors?: FieldErrors; values?: V }) {
  const t = req.t;
  return (
    <form method="post" action={`/quan-tri/${req.unit!.slug}/cong-khai/van-ban`} enctype="multipart/form-data" novalidate>
      <h2 id="add-document">{t('transparency.disclosures.add_document')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <CsrfField req={req} />
      <Select name="category" label={t('transparency.disclosures.category')} value={values?.category} error={errors?.category}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`transparency.category.${c}`) }))} />
      <TextInput name="title" label={t('transparency.text.title')} value={values?.title} error={errors?.title} required maxLength={300} />
      <TextInput name="document_number" label={t('transparency.disclosures.number')} value={values?.document_number} error={errors?.document_number} maxLength={80} />
      <Textarea name="summary" label={t('transparency.disclosures.summary')} value={values?.summary} error={errors?.summary} rows={3} />
      <TextInput name="published_on" type="date" label={t('transparency.disclosures.published_on')} value={values?.published_on} error={errors?.published_on} required />
      <TextInput name="posting_days" type="number" label={t('transparency.disclosures.posting_days')} hint={t('transparency.disclosures.posting_hint')}
        value={values?.posting_days ?? DEFAULT_POSTING_DAYS} error={errors?.posting_days} min={DEFAULT_POSTING_DAYS} max={3650} />
      <Select name="project_id" label={t('transparency.disclosures.project')} value={values?.project_id} error={errors?.project_id}
        options={[{ value: '', label: t('transparency.disclosures.no_project') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
      <Select name="land_kind" label={t('transparency.disclosures.land_kind')} value={values?.land_kind} error={errors?.land_kind}
        options={LAND_KINDS.map((k) => ({ value: k, label: t(`transparency.disclosures.land_kind.${k}`) }))} />
      <TextInput name="amount_dong" type="number" label={`${t('transparency.disclosures.amount')} (đồng)`} value={values?.amount_dong} error={errors?.amount_dong} min={0} />
      <TextInput name="file" type="file" accept="application/pdf,.pdf" label={t('transparency.disclosures.file')} error={errors?.file} />
      <Button>{t('transparency.common.add')}</Button>
    </form>
  );
}

function ProjectForm({ req, errors, values }: { req: FastifyRequest; errors?: FieldErrors; values?: V }) {
  const t = req.t;
  return (
    <form method="post" action={`/quan-tri/${req.unit!.slug}/cong-khai/du-an`} novalidate>
      <h2 id="add-project">{t('transparency.disclosures.add_project')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <CsrfField req={req} />
      <TextInput name="name" label={t('transparency.disclosures.project')} value={values?.name} error={errors?.name} required maxLength={300} />
      <TextInput name="location" label={t('transparency.disclosures.location')} value={values?.location} error={errors?.location} maxLength={300} />
      <Textarea name="description" label={t('transparency.disclosures.description')} value={values?.description} error={errors?.description} rows={3} />
      <TextInput name="comment_opens_on" type="date" label={t('transparency.disclosures.comment_opens_on')} value={values?.comment_opens_on} error={errors?.comment_opens_on} />
      <TextInput name="comment_closes_on" type="date" label={t('transparency.disclosures.comment_closes_on')} value={values?.comment_closes_on} error={errors?.comment_closes_on} />
      <Button>{t('transparency.common.add')}</Button>
    </form>
  );
}

export function StaffDisclosuresPage(p: Props) {
  const { req } = p;
  const t = req.t;
  const slug = req.unit!.slug;
  return (
    <>
      <h1>{t('transparency.disclosures.staff_title')}</h1>
      <Flash message={p.flash} />
      <h2>{t('transparency.disclosures.pending_comments')} ({p.pending.length})</h2>
      {p.pending.map((c) => (
        <div class="card">
          <p><strong>{c.author_name}</strong> {c.contact && <span class="muted">({c.contact})</span>}: {c.body}</p>
          <form class="inline-form" method="post" action={`/quan-tri/${slug}/cong-khai/gop-y/${c.id}`}><CsrfField req={req} />
            <Button name="decision" value="approved">{t('transparency.disclosures.approve')}</Button>{' '}
            <Button name="decision" value="rejected" variant="secondary">{t('transparency.disclosures.reject')}</Button></form>
        </div>
      ))}
      <h2>{t('transparency.disclosures.documents')}</h2>
      <ul>{p.docs.map((d) => (
        <li><a href={`/${slug}/cong-khai/${d.id}`}>{d.title}</a> — {formatDate(d.published_on)} ({d.attachment_count} PDF)
          <form class="button-group" method="post" action={`/quan-tri/${slug}/cong-khai/van-ban/${d.id}/tep`} enctype="multipart/form-data">
            <CsrfField req={req} />
            <label for={`file-${d.id}`} class="visually-hidden">{t('transparency.disclosures.file')}: {d.title}</label>
            <input id={`file-${d.id}`} name="file" type="file" accept="application/pdf,.pdf" />
            <button class="button button--secondary" type="submit">{t('transparency.disclosures.upload')}<span class="visually-hidden"> {d.title}</span></button>
          </form>
        </li>
      ))}</ul>
      <DocumentForm req={req} projects={p.projects} errors={p.docErrors} values={p.docValues} />
      <ProjectForm req={req} errors={p.projectErrors} values={p.projectValues} />
      <TextForm req={req} action={`/quan-tri/${slug}/cong-khai/cam-ket`} heading={t('transparency.disclosures.edit_commitment')}
        values={p.textValues ?? p.commitment} errors={p.textErrors} />
    </>
  );
}
