import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Transaction } from 'kysely';
import { AppError } from '../../../core/errors.js';
import { unitOf } from '../../../core/http/forms.js';
import { renderPage, renderStaffPage } from '../../../web/render.js';
import type { Crumb } from '../../../web/components/breadcrumbs.js';
import { findPublished, type PublishedItem } from '../repo-published.js';
import type { FormBody } from '../lib/form.js';
import { queryFlag } from '../../../core/http/query.js';

export const STYLES = ['css/transparency.css'];
export const SCRIPTS = ['js/transparency.js'];
export const EDITORS = ['admin', 'leader'] as const;

export const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as FormBody;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a uuid: anything else is simply not found (never a database error). */
export function uuidParam(req: FastifyRequest, name = 'id'): string {
  const v = String((req.params as Record<string, string>)[name] ?? '');
  if (!UUID.test(v)) throw AppError.notFound('transparency.error.not_found');
  return v;
}

export function publicPage(req: FastifyRequest, reply: FastifyReply, o: { title: string; current?: string; crumbs?: Crumb[]; bare?: boolean }, body: VNode, status = 200) {
  const home: Crumb = { label: unitOf(req).name, href: `/${unitOf(req).slug}/` };
  return renderPage(req, reply, {
    title: o.title, current: o.current, styles: STYLES, scripts: SCRIPTS, bare: o.bare,
    breadcrumbs: o.bare ? undefined : [home, ...(o.crumbs ?? []), { label: o.title }],
  }, body, status);
}

export function staffPage(req: FastifyRequest, reply: FastifyReply, o: { title: string; current: string }, body: VNode, status = 200) {
  return renderStaffPage(req, reply, { title: o.title, current: o.current, styles: STYLES }, body, status);
}

export const flashOf = (req: FastifyRequest) => (queryFlag(req, 'da-luu') ? req.t('transparency.common.saved') : undefined);

export function item(trx: Transaction<any>, type: string, ref = ''): Promise<PublishedItem | undefined> {
  return findPublished(trx, type, ref);
}
