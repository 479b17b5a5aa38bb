import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../lib/form.js';
import type { PublishedItem } from '../repo-published.js';
import type { FieldErrors } from '../../../web/components/forms.js';
import { vnDateOf, vnTimeOf } from '../../../lib/vn-calendar/index.js';
import { formatDate } from '../../../lib/format.js';

/** Field errors (i18n keys) → the core's `{ field: message }` shape. */
export function translateErrors(req: FastifyRequest, errors: FieldError[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors ?? []) out[e.field] ??= req.t(e.key, e.params);
  return out;
}

export const dateOf = (at: Date) => formatDate(vnDateOf(at));
export const timeOf = (at: Date) => vnTimeOf(at);
export const dateTimeOf = (at: Date) => `${timeOf(at)} ${dateOf(at)}`;

/** `1.234.567 đ` */
export const money = (n: number) => `${Math.round(n).toLocaleString('de-DE')} đ`;

/** Where and when an item was published and last reviewed (decision, PHẦN III 1.1.b). */
export function PublishedNote({ req, item }: { req: FastifyRequest; item?: PublishedItem }) {
  if (!item) return null;
  return (
    <p class="muted transparency-published">
      {req.t('transparency.common.channels')}: {item.channels.map((c) => req.t(`transparency.channel.${c}`)).join('; ')}.{' '}
      {req.t('transparency.common.last_reviewed', { date: dateOf(item.last_reviewed_at) })}
    </p>
  );
}

/** Print and poster links under a public page. */
export function PageTools({ req, posterHref, extra }: { req: FastifyRequest; posterHref?: string; extra?: preact.ComponentChildren }) {
  return (
    <p class="button-group no-print">
      {extra}
      {posterHref && <a class="button button--secondary" href={posterHref}>{req.t('transparency.common.poster')}</a>}
    </p>
  );
}

/** Paragraphs of a stored plain text (blank line = new paragraph); escaped by Preact. */
export function TextBlock({ text }: { text: string }) {
  return <>{text.split(/\n{2,}/).map((p) => <p>{p.split('\n').flatMap((line, i) => (i ? [<br />, line] : [line]))}</p>)}</>;
}

/** Flash message from `?da-luu=1`-style redirects. */
export function Flash({ message }: { message?: string }) {
  return message ? <div class="alert alert--success" role="status"><p class="alert__title">{message}</p></div> : null;
}
