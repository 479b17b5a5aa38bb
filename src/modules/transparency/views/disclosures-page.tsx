import type { FastifyRequest } from 'fastify';
import { CATEGORIES } from '../lib/categories.js';
import { postingDaysLeft, postingEndsOn, postingStatus, type PostingStatus } from '../lib/posting.js';
import type { DisclosureDocument, LandProject } from '../repo-disclosures.js';
import type { PublishedItem } from '../repo-published.js';
import type { UnitText } from '../repo-reception.js';
import { PageTools, PublishedNote, TextBlock } from './shared.js';
import { formatDate } from '../../../lib/format.js';

const TONE: Record<PostingStatus, 'ok' | 'warn' | 'info'> = { posting: 'ok', expired: 'warn', scheduled: 'info' };

export function PostingTag({ req, doc, today }: { req: FastifyRequest; doc: DisclosureDocument; today: string }) {
  const status = postingStatus(doc.published_on, doc.posting_days, today);
  const left = postingDaysLeft(doc.published_on, doc.posting_days, today);
  return (
    <span class={`tag tag--${TONE[status]}`}>
      {req.t(`transparency.disclosures.status.${status}`)}
      {status === 'posting' && <> ({req.t('transparency.disclosures.days_left', { days: left })})</>}
    </span>
  );
}

export function DocumentTable({ req, docs, today, caption }: { req: FastifyRequest; docs: DisclosureDocument[]; today: string; caption: string }) {
  const slug = req.unit!.slug;
  const col = (k: string) => req.t(k);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}><table class="table--stack">
      <caption class="visually-hidden">{caption}</caption>
      <thead><tr>
        <th scope="col">{req.t('transparency.text.title')}</th><th scope="col">{req.t('transparency.disclosures.number')}</th>
        <th scope="col">{req.t('transparency.disclosures.published_on')}</th><th scope="col">{req.t('transparency.disclosures.posting_until')}</th>
        <th scope="col">{req.t('transparency.disclosures.status')}</th>
      </tr></thead>
      <tbody>{docs.map((d) => (
        <tr>
          <td data-label={col('transparency.text.title')}><a href={`/${slug}/cong-khai/${d.id}`}>{d.title}</a></td>
          <td data-label={col('transparency.disclosures.number')}>{d.document_number}</td>
          <td data-label={col('transparency.disclosures.published_on')}>{formatDate(d.published_on)}</td>
          <td data-label={col('transparency.disclosures.posting_until')}>{formatDate(postingEndsOn(d.published_on, d.posting_days))}</td>
          <td data-label={col('transparency.disclosures.status')}><PostingTag req={req} doc={d} today={today} /></td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

interface Props {
  req: FastifyRequest; commitment?: UnitText; docs: DisclosureDocument[]; projects: LandProject[]; today: string; commitmentItem?: PublishedItem;
}

export function DisclosuresPage({ req, commitment, docs, projects, today, commitmentItem }: Props) {
  const slug = req.unit!.slug;
  return (
    <>
      <h1>{req.t('transparency.disclosures.title')}</h1>
      <p class="lead">{req.t('transparency.disclosures.lead')}</p>
      <section class="card transparency-commitment" aria-labelledby="commitment">
        <h2 id="commitment">{commitment?.title ?? req.t('transparency.disclosures.commitment')}</h2>
        {commitment ? <TextBlock text={commitment.body} /> : <p>{req.t('transparency.common.none')}</p>}
        <PublishedNote req={req} item={commitmentItem} />
      </section>
      <PageTools req={req} posterHref={`/${slug}/ap-phich/cong-khai`} />
      <h2>{req.t('transparency.disclosures.land')}</h2>
      {projects.length === 0 ? <p>{req.t('transparency.common.none')}</p> : (
        <ul>{projects.map((p) => <li><a href={`/${slug}/cong-khai/du-an/${p.id}`}>{p.name}</a></li>)}</ul>
      )}
      <h2>{req.t('transparency.disclosures.documents')}</h2>
      {docs.length === 0 && <p>{req.t('transparency.common.none')}</p>}
      {CATEGORIES.map((c) => {
        const inCat = docs.filter((d) => d.category === c);
        if (!inCat.length) return null;
        const label = req.t(`transparency.category.${c}`);
        return <><h3>{label}</h3><DocumentTable req={req} docs={inCat} today={today} caption={label} /></>;
      })}
    </>
  );
}
