import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { Alert, StatusTag, SummaryList } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import type { PublicFeedback } from '../public-view.js';

export const statusTone = (status: string, overdue: boolean): 'ok' | 'warn' | 'error' | 'info' =>
  overdue ? 'error' : status === 'answered' || status === 'closed' ? 'ok' : status === 'rejected' ? 'warn' : 'info';

/** The citizen's status page: state, timeline, the answer, rating and reopen forms. */
export function StatusPage({ req, f, notice, errors, sent }: {
  req: FastifyRequest; f: PublicFeedback; notice?: string; errors?: FieldErrors;
  /** "What you sent", for the browser that sent the item (see sender-copy.tsx). */
  sent?: ComponentChildren;
}) {
  const t = req.t;
  const base = `/${req.unit!.slug}/phan-anh/${f.code}`;
  return (
    <div class="feedback">
      <h1>{t('feedback.status.title', { code: f.code })}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <SummaryList rows={[
        [t('feedback.status.code'), <>
          <strong class="feedback-code" id="feedback-code">{f.code}</strong>{' '}
          <button type="button" class="button button--secondary button--small" data-copy="feedback-code" data-copied={t('feedback.sent.copied')} hidden>
            {t('feedback.sent.copy')}
          </button>
          <span class="copy-status" role="status" aria-live="polite"></span>
        </>],
        [t('feedback.status.category'), t(`feedback.category.${f.category}`)],
        [t('feedback.status.state'), <StatusTag tone={statusTone(f.status, f.overdue)}>{t(`feedback.status.${f.status}`)}</StatusTag>],
        [t('feedback.status.receivedAt'), formatDateTime(f.receivedAt)],
        [t('feedback.status.dueDate'), formatDate(f.dueDate)],
        ...(f.answeredAt ? [[t('feedback.status.answeredAt'), formatDateTime(f.answeredAt)] as [string, string]] : []),
      ]} />
      {sent}
      {f.mergedInto && (
        <p class="feedback-merged" data-merged-into={f.mergedInto}>
          {t(f.status === 'duplicate' ? 'feedback.status.duplicateOf' : 'feedback.status.mergedInto')}{' '}
          <a href={`/${req.unit!.slug}/phan-anh/${f.mergedInto}`}>{f.mergedInto}</a>
        </p>
      )}
      {f.summary && <><h2>{t('feedback.status.summary')}</h2><p>{f.summary}</p></>}
      <h2>{t('feedback.status.reply')}</h2>
      {f.reply ? <blockquote class="feedback-reply">{f.reply.split('\n').map((line) => <p>{line}</p>)}</blockquote> : <p class="muted">{t('feedback.status.noReply')}</p>}
      <h2>{t('feedback.status.timeline')}</h2>
      <ol class="feedback-timeline">
        {f.timeline.map((e) => (
          <li>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
            <span>{e.action === 'received' ? t('feedback.timeline.received') : t(`feedback.action.${e.action}`)}</span>
            {e.note && <span class="feedback-timeline__note">: {e.note}</span>}
          </li>
        ))}
      </ol>
      {f.rating !== null && <p>{t('feedback.status.rated', { rating: f.rating })}</p>}
      {f.canRate && (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title">{t('feedback.status.rateTitle')}</h2>
          <form method="post" action={`${base}/danh-gia`}>
            <CsrfField req={req} />
            <Choices name="rating" legend={t('feedback.status.rating')} error={errors?.rating} required
              options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`feedback.status.rating.${n}`) }))} />
            <Textarea name="comment" label={t('feedback.status.ratingComment')} rows={3} maxLength={1000} />
            <Button>{t('feedback.status.rate')}</Button>
          </form>
        </section>
      )}
      {f.canReopen && (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('feedback.status.reopenTitle')}</h2>
          <form method="post" action={`${base}/mo-lai`}>
            <CsrfField req={req} />
            <Textarea name="reason" label={t('feedback.status.reopenReason')} error={errors?.reason} rows={3} maxLength={2000} required />
            <Button variant="secondary">{t('feedback.status.reopen')}</Button>
          </form>
        </section>
      )}
    </div>
  );
}
