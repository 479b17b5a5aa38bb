import type { FastifyRequest } from 'fastify';
import { commentWindow } from '../lib/posting.js';
import type { DisclosureDocument, LandProject, PublicComment } from '../repo-disclosures.js';
import type { PublishedItem } from '../repo-published.js';
import { CsrfField, ErrorSummary, TextInput, Textarea, Button, type FieldErrors } from '../../../web/components/forms.js';
import { AttachmentList, type AttachmentRow } from './document-page.js';
import { PostingTag } from './disclosures-page.js';
import { dateOf, money, PageTools, PublishedNote } from './shared.js';
import { formatDate } from '../../../lib/format.js';

interface Props {
  req: FastifyRequest; project: LandProject; docs: (DisclosureDocument & { files: AttachmentRow[] })[]; comments: PublicComment[];
  today: string; item?: PublishedItem; errors?: FieldErrors; values?: Record<string, string>; thanks?: boolean;
}

function CommentForm({ req, project, errors, values }: { req: FastifyRequest; project: LandProject; errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <form method="post" action={`/${req.unit!.slug}/cong-khai/du-an/${project.id}/gop-y`} novalidate>
      <h2 id="comment-form">{req.t('transparency.disclosures.comment_form')}</h2>
      <p class="muted">{req.t('transparency.disclosures.comment_hint')}</p>
      <ErrorSummary req={req} errors={errors} />
      <CsrfField req={req} />
      <TextInput name="author_name" label={req.t('transparency.disclosures.comment_name')} value={values?.author_name} error={errors?.author_name} autocomplete="name" maxLength={120} required />
      <TextInput name="contact" label={req.t('transparency.disclosures.comment_contact')} value={values?.contact} error={errors?.contact} maxLength={200} />
      <Textarea name="body" label={req.t('transparency.disclosures.comment_body')} value={values?.body} error={errors?.body} maxLength={3000} required />
      <Button>{req.t('transparency.disclosures.comment_send')}</Button>
    </form>
  );
}

export function ProjectPage({ req, project, docs, comments, today, item, errors, values, thanks }: Props) {
  const window = commentWindow(project.comment_opens_on, project.comment_closes_on, today);
  const total = docs.filter((d) => d.land_kind === 'plan' && d.amount_dong !== null).reduce((s, d) => s + (d.amount_dong ?? 0), 0);
  return (
    <>
      <h1>{project.name}</h1>
      {project.location && <p><strong>{req.t('transparency.disclosures.location')}:</strong> {project.location}</p>}
      {project.description && <p class="lead">{project.description}</p>}
      {total > 0 && <p><strong>{req.t('transparency.disclosures.total_amount')}:</strong> {money(total)}</p>}
      {project.comment_opens_on && project.comment_closes_on && (
        <p>{req.t('transparency.disclosures.comment_period', { from: formatDate(project.comment_opens_on), to: formatDate(project.comment_closes_on) })}{' '}
          <span class={`tag tag--${window === 'open' ? 'ok' : 'info'}`}>{req.t(`transparency.disclosures.comment_window.${window}`)}</span></p>
      )}
      {docs.map((d) => (
        <section class="card project-doc">
          <h2>{d.title}</h2>
          <p>{req.t(`transparency.disclosures.land_kind.${d.land_kind ?? 'other'}`)} {d.document_number} · {formatDate(d.published_on)} · <PostingTag req={req} doc={d} today={today} /></p>
          {d.amount_dong !== null && <p><strong>{req.t('transparency.disclosures.amount')}:</strong> {money(d.amount_dong)}</p>}
          <AttachmentList req={req} files={d.files} />
        </section>
      ))}
      <PageTools req={req} posterHref={`/${req.unit!.slug}/cong-khai/du-an/${project.id}/ap-phich`} />
      <h2>{req.t('transparency.disclosures.comments')}</h2>
      {comments.length === 0 ? <p>{req.t('transparency.common.none')}</p> : (
        <ul class="project-comments">{comments.map((c) => <li><strong>{c.author_name}</strong> ({dateOf(c.created_at)}): {c.body}</li>)}</ul>
      )}
      {thanks && <div class="alert alert--success" role="status"><p>{req.t('transparency.disclosures.comment_thanks')}</p></div>}
      {window === 'open' && !thanks && <CommentForm req={req} project={project} errors={errors} values={values} />}
      <PublishedNote req={req} item={item} />
    </>
  );
}
