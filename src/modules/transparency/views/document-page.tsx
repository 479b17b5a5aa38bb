import type { FastifyRequest } from 'fastify';
import { postingEndsOn } from '../lib/posting.js';
import type { DisclosureDocument } from '../repo-disclosures.js';
import type { PublishedItem } from '../repo-published.js';
import { SummaryList } from '../../../web/components/display.js';
import { PostingTag } from './disclosures-page.js';
import { money, PageTools, PublishedNote } from './shared.js';
import { formatDate } from '../../../lib/format.js';

export interface AttachmentRow { id: string; file_name: string; byte_size: number }

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function AttachmentList({ req, files }: { req: FastifyRequest; files: AttachmentRow[] }) {
  if (!files.length) return null;
  const slug = req.unit!.slug;
  return (
    <ul>{files.map((f) => (
      <li><a href={`/${slug}/cong-khai/tep/${f.id}`}>{req.t('transparency.disclosures.download', { name: f.file_name, size: size(f.byte_size) })}</a></li>
    ))}</ul>
  );
}

export function DocumentPage({ req, doc, files, today, item }: { req: FastifyRequest; doc: DisclosureDocument; files: AttachmentRow[]; today: string; item?: PublishedItem }) {
  const slug = req.unit!.slug;
  const rows: [string, preact.ComponentChildren][] = [
    [req.t('transparency.disclosures.category'), req.t(`transparency.category.${doc.category}`)],
    [req.t('transparency.disclosures.number'), doc.document_number || '—'],
    [req.t('transparency.disclosures.published_on'), formatDate(doc.published_on)],
    [req.t('transparency.disclosures.posting_days'), String(doc.posting_days)],
    [req.t('transparency.disclosures.posting_until'), formatDate(postingEndsOn(doc.published_on, doc.posting_days))],
    [req.t('transparency.disclosures.status'), <PostingTag req={req} doc={doc} today={today} />],
  ];
  if (doc.amount_dong !== null) rows.push([req.t('transparency.disclosures.amount'), money(doc.amount_dong)]);
  return (
    <>
      <h1>{doc.title}</h1>
      {doc.summary && <p class="lead">{doc.summary}</p>}
      <SummaryList rows={rows} />
      {files.length > 0 && <><h2>{req.t('transparency.disclosures.attachments')}</h2><AttachmentList req={req} files={files} /></>}
      {doc.project_id && <p><a href={`/${slug}/cong-khai/du-an/${doc.project_id}`}>{req.t('transparency.disclosures.project')}</a></p>}
      <PageTools req={req} posterHref={`/${slug}/cong-khai/${doc.id}/ap-phich`} />
      <PublishedNote req={req} item={item} />
    </>
  );
}
