import type { FastifyInstance, FastifyRequest } from 'fastify';
import { withUnit } from '../../../core/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { postingEndsOn } from '../lib/posting.js';
import { nextSession } from '../lib/reception.js';
import { listDirectory } from '../repo-directory.js';
import { getDocument, getProject } from '../repo-disclosures.js';
import { getText } from '../repo-reception.js';
import { loadReception } from '../service.js';
import { loadYearStats } from '../stats-source.js';
import { Poster, type PosterContent } from '../views/poster.js';
import { nextSessionText, recurrenceLabel } from '../views/reception-page.js';
import { pct } from '../views/stats-page.js';
import { publicPage, uuidParam } from './context.js';
import { unitOf } from '../../../core/http/forms.js';
import { vnParts } from '../../../lib/vn-calendar/index.js';
import { formatDate } from '../../../lib/format.js';

type Lines = { title: string; lines: string[] };

/** What each public page of this module says on its poster; the QR code links to the page itself. */
const PAGES: Record<string, (app: FastifyInstance, req: FastifyRequest) => Promise<Lines>> = {
  'danh-ba': async (app, req) => {
    const entries = await withUnit(app.db, unitOf(req).id, listDirectory);
    const leaders = entries.filter((e) => e.grouping === 'committee').slice(0, 4).map((e) => `${e.title}: ${e.full_name} — ${e.phone ?? ''}`);
    const hotline = unitOf(req).hotline ? [`${req.t('transparency.directory.hotline')}: ${unitOf(req).hotline}`] : [];
    return { title: req.t('transparency.directory.title'), lines: [...hotline, ...leaders] };
  },
  'lich-cong-tac': async (_app, req) => ({ title: req.t('transparency.calendar.title'), lines: [req.t('transparency.calendar.owner.committee'), req.t('transparency.calendar.owner.chairman')] }),
  'tiep-cong-dan': async (app, req) => {
    const { rules, holiday } = await loadReception(app.db, unitOf(req).id);
    const next = nextSession(rules, new Date(), holiday);
    return { title: req.t('transparency.reception.title'), lines: [
      ...rules.map((r) => `${r.leaderTitle} ${r.leaderName}: ${recurrenceLabel(req, r)}, ${r.startTime}–${r.endTime}`),
      ...(next ? [`${req.t('transparency.poster.reception_next')}: ${nextSessionText(req, next)}`] : []),
    ] };
  },
  'cong-khai': async (app, req) => {
    const c = await withUnit(app.db, unitOf(req).id, (trx) => getText(trx, 'commitment'));
    return { title: req.t('transparency.disclosures.title'), lines: [c?.title ?? req.t('transparency.disclosures.commitment'), req.t('transparency.disclosures.land')] };
  },
  'thong-ke': async (app, req) => {
    const year = vnParts(new Date()).year;
    const { stats } = await loadYearStats(app.db, unitOf(req).id, year, req.lang, req.t);
    return { title: req.t('transparency.stats.title'), lines: [
      `${req.t('transparency.stats.year')} ${year}: ${req.t('transparency.stats.received')} ${stats.total.received}`,
      `${req.t('transparency.stats.online_rate')}: ${pct(stats.total.onlineRate)} · ${req.t('transparency.stats.on_time_rate')}: ${pct(stats.total.onTimeRate)}`,
    ] };
  },
};

async function sendPoster(app: FastifyInstance, req: FastifyRequest, reply: import('fastify').FastifyReply, path: string, content: Lines) {
  const url = `${app.config.publicUrl}${path}`;
  const p: PosterContent = { ...content, url, qrSvg: await qrSvg(url) };
  return publicPage(req, reply, { title: `${req.t('transparency.poster.title')}: ${content.title}`, bare: true }, <Poster req={req} p={p} />);
}

export async function posterRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/ap-phich/:page', { schema: { hide: true } }, async (req, reply) => {
    const page = (req.params as Record<string, string>).page;
    const build = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
    if (!build) throw AppError.notFound('transparency.error.not_found');
    return sendPoster(app, req, reply, `/${unitOf(req).slug}/${page}`, await build(app, req));
  });

  app.get('/:unit/cong-khai/:id/ap-phich', { schema: { hide: true } }, async (req, reply) => {
    const id = uuidParam(req);
    const doc = await withUnit(app.db, unitOf(req).id, (trx) => getDocument(trx, id));
    if (!doc) throw AppError.notFound('transparency.error.not_found');
    return sendPoster(app, req, reply, `/${unitOf(req).slug}/cong-khai/${id}`, { title: doc.title, lines: [
      [doc.document_number, req.t(`transparency.category.${doc.category}`)].filter(Boolean).join(' · '),
      `${req.t('transparency.disclosures.published_on')}: ${formatDate(doc.published_on)} · ${req.t('transparency.disclosures.posting_until')}: ${formatDate(postingEndsOn(doc.published_on, doc.posting_days))}`,
    ] });
  });

  app.get('/:unit/cong-khai/du-an/:id/ap-phich', { schema: { hide: true } }, async (req, reply) => {
    const id = uuidParam(req);
    const p = await withUnit(app.db, unitOf(req).id, (trx) => getProject(trx, id));
    if (!p) throw AppError.notFound('transparency.error.not_found');
    const period = p.comment_opens_on && p.comment_closes_on
      ? [req.t('transparency.disclosures.comment_period', { from: formatDate(p.comment_opens_on), to: formatDate(p.comment_closes_on) })] : [];
    return sendPoster(app, req, reply, `/${unitOf(req).slug}/cong-khai/du-an/${id}`, { title: p.name, lines: [p.location, ...period].filter(Boolean) });
  });
}
