import type { FastifyRequest } from 'fastify';
import { Checkboxes } from './checkboxes.js';
import { CsrfField } from '../../../web/components/forms.js';
import { CHANNELS, daysOverdue, isOverdue, reviewDueAt } from '../lib/freshness.js';
import type { PublishedItem } from '../repo-published.js';
import { dateOf, Flash } from './shared.js';

/** Item types with a label (`transparency.review.type.<type>`). */
const TYPES = new Set(['directory', 'calendar', 'reception_rules', 'reception_schedule', 'commitment', 'statistics', 'disclosure', 'land_project', 'procedure', 'catalogue']);

function ReviewForm({ req, item }: { req: FastifyRequest; item: PublishedItem }) {
  const t = req.t;
  return (
    <form method="post" action={`/quan-tri/${req.unit!.slug}/ra-soat/${item.id}`}>
      <CsrfField req={req} />
      <Checkboxes name={`channels`} idPrefix={`c-${item.id}`} legend={t('transparency.common.channels')} value={item.channels}
        options={CHANNELS.map((c) => ({ value: c, label: t(`transparency.channel.${c}`) }))} />
      <div class="field">
        <label for={`i-${item.id}`}>{t('transparency.review.interval')}</label>
        <input id={`i-${item.id}`} name="interval" type="number" min={1} max={3650} value={String(item.review_interval_days)} />
      </div>
      <button class="button" type="submit">{t('transparency.review.mark')}<span class="visually-hidden"> {item.title}</span></button>
    </form>
  );
}

export function StaffReviewPage({ req, items, now, flash, overdueOnly }: { req: FastifyRequest; items: PublishedItem[]; now: Date; flash?: string; overdueOnly?: boolean }) {
  const t = req.t;
  const state = (i: PublishedItem) => ({ lastReviewedAt: i.last_reviewed_at, reviewIntervalDays: i.review_interval_days, remindedAt: i.reminded_at });
  const overdue = items.filter((i) => isOverdue(state(i), now)).sort((a, b) => daysOverdue(state(b), now) - daysOverdue(state(a), now));
  const rest = items.filter((i) => !isOverdue(state(i), now));
  const Row = ({ i }: { i: PublishedItem }) => {
    const late = daysOverdue(state(i), now);
    return (
      <details class="card review-item" open={isOverdue(state(i), now)}>
        <summary><strong>{i.title}</strong>{' '}
          {isOverdue(state(i), now)
            ? <span class="tag tag--error">{t('transparency.review.overdue_days', { days: late })}</span>
            : <span class="tag tag--ok">{t('transparency.review.ok')}</span>}
        </summary>
        <p>{t(`transparency.review.type.${TYPES.has(i.item_type) ? i.item_type : 'other'}`)} · <a href={i.path}>{i.path}</a>
          {i.item_type === 'procedure' && <> · <a href={`/quan-tri/${req.unit!.slug}/thu-tuc/${i.item_ref}`}>{t('transparency.review.open_procedure')}<span class="visually-hidden"> {i.title}</span></a></>}
          {' '}· {t('transparency.review.due')}: {dateOf(reviewDueAt(state(i)))} · {t('transparency.common.last_reviewed', { date: dateOf(i.last_reviewed_at) })}</p>
        <ReviewForm req={req} item={i} />
      </details>
    );
  };
  return (
    <>
      <h1>{t('transparency.review.title')}</h1>
      <p class="lead">{t('transparency.review.lead')}</p>
      <Flash message={flash} />
      <h2>{t('transparency.review.overdue')} ({overdue.length})</h2>
      {overdue.length === 0 ? <p>{t('transparency.review.none_overdue')}</p> : overdue.map((i) => <Row i={i} />)}
      {overdueOnly
        ? <p><a href={`/quan-tri/${req.unit!.slug}/ra-soat`}>{t('transparency.review.show_all', { n: items.length })}</a></p>
        : <><h2>{t('transparency.review.ok')} ({rest.length})</h2>{rest.map((i) => <Row i={i} />)}</>}
    </>
  );
}
