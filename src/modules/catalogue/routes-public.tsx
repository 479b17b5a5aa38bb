import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { renderPage } from '../../web/render.js';
import { pageParam } from '../../web/components/display.js';
import { qrSvg } from '../../lib/vietqr/index.js';
import { buildPaymentQr } from './payment.js';
import { hasFixedFee } from './fees.js';
import { catalogueFields, catalogueIndex, findProcedure, listAttachments, paymentAccountFor, readAttachment, searchCatalogue } from './service.js';
import { CataloguePage, type CatalogueSearchView } from './views/catalogue-page.js';
import { ProcedurePage } from './views/procedure-page.js';
import { PosterPage } from './views/poster-page.js';
import { IndexPosterPage } from './views/index-poster.js';
import type { FeeChannel, Procedure } from './types.js';
import { withQuery, query, Q } from '../../core/http/query.js';

type Req = FastifyRequest<{ Params: { unit: string; slug: string; attachmentId: string }; Querystring: Record<string, string | undefined> }>;
const PAGE_SIZE = 20;

export function publicPageUrl(app: FastifyInstance, unitSlug: string, procedureSlug: string): string {
  return `${app.config.publicUrl}/${unitSlug}/thu-tuc/${procedureSlug}`;
}

async function procedureOr404(app: FastifyInstance, req: Req): Promise<Procedure> {
  const p = await findProcedure(app.db, req.unit!.id, req.params.slug);
  if (!p) throw AppError.notFound('catalogue.api.not_found');
  return p;
}

/** `?so-luong=` on the page: a bad value falls back to 1 rather than failing the page. */
function quantityParam(raw: string | undefined): number {
  const n = Number(raw ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

/** `?kenh=truc-tuyen` on the page: the QR for the online fee; anything else is the desk fee. */
export const ONLINE_CHANNEL_PARAM = 'truc-tuyen';
const channelParam = (raw: string | undefined): FeeChannel => (raw === ONLINE_CHANNEL_PARAM ? 'online' : 'desk');

async function cataloguePage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unit = req.unit!;
  const query = (req.query.q ?? '').slice(0, 200).trim();
  const field = (req.query['linh-vuc'] ?? '').slice(0, 200);
  // A search reads only the page of results (and the list of fields for the filter); the
  // index reads the short form of each procedure, never papers, steps or legal texts.
  const fields = (await catalogueFields(app.db, unit.id)).map((f) => f.field);
  let search: CatalogueSearchView | null = null;
  let groups: Awaited<ReturnType<typeof catalogueIndex>> = [];
  if (query) {
    const page = pageParam(req.query);
    const r = await searchCatalogue(app.db, unit.id, query, { field: field || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    search = { query, field, page, pageSize: PAGE_SIZE, ...r };
  } else {
    groups = await catalogueIndex(app.db, unit.id, field || undefined);
  }
  return renderPage(req, reply, { title: req.t('catalogue.title'), current: 'thu-tuc', styles: ['css/catalogue.css'] },
    <CataloguePage req={req} fields={fields} search={search} groups={groups} />);
}

async function procedurePage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unit = req.unit!;
  const procedure = await procedureOr404(app, req);
  const pageUrl = publicPageUrl(app, unit.slug, procedure.slug);
  const account = hasFixedFee(procedure.fee) ? await paymentAccountFor(app.db, unit) : null;
  const channel = channelParam(req.query.kenh);
  const payment = account ? await buildPaymentQr(procedure, account, quantityParam(req.query['so-luong']), new Date(), { channel }) : null;
  const view = {
    procedure, payment, pageUrl,
    attachments: await listAttachments(app.db, unit.id, procedure.id),
    paymentUnavailable: hasFixedFee(procedure.fee) && !account,
    pageQrSvg: await qrSvg(pageUrl),
  };
  return renderPage(req, reply, {
    title: procedure.name, current: 'thu-tuc', styles: ['css/catalogue.css'],
    breadcrumbs: [{ label: req.t('catalogue.title'), href: `/${unit.slug}/thu-tuc` }, { label: procedure.name }],
  }, <ProcedurePage req={req} view={view} />);
}

async function posterPage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const procedure = await procedureOr404(app, req);
  const pageUrl = publicPageUrl(app, req.unit!.slug, procedure.slug);
  return renderPage(req, reply, { title: procedure.name, bare: true, styles: ['css/catalogue.css'] },
    <PosterPage req={req} procedure={procedure} qrSvg={await qrSvg(pageUrl, { margin: 1 })} pageUrl={pageUrl} />);
}

async function indexPosterPage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unit = req.unit!;
  const pageUrl = `${app.config.publicUrl}/${unit.slug}/thu-tuc`;
  const [fields, account] = await Promise.all([catalogueFields(app.db, unit.id), paymentAccountFor(app.db, unit)]);
  return renderPage(req, reply, { title: req.t('catalogue.index_poster.title'), bare: true, styles: ['css/catalogue.css'] },
    <IndexPosterPage req={req} fields={fields} qrSvg={await qrSvg(pageUrl, { margin: 1 })} pageUrl={pageUrl} canPayByQr={account !== null} />);
}

async function downloadForm(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const procedure = await procedureOr404(app, req);
  const file = await readAttachment(app.db, req.unit!.id, procedure.id, req.params.attachmentId);
  if (!file) throw AppError.notFound();
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', file.mime_type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const hide = { schema: { hide: true } };
  app.get('/:unit/thu-tuc', withQuery(hide, query({ trang: Q.page, q: Q.text(), 'linh-vuc': Q.text() })), (req, reply) => cataloguePage(app, req as Req, reply));
  app.get('/:unit/thu-tuc/ap-phich', hide, (req, reply) => indexPosterPage(app, req as Req, reply));
  app.get('/:unit/thu-tuc/:slug', withQuery(hide, query({
    'so-luong': Type.Integer({ minimum: 1, maximum: 1000 }),
    kenh: Type.Union([Type.Literal('tai-quay'), Type.Literal(ONLINE_CHANNEL_PARAM)]),
  })), (req, reply) => procedurePage(app, req as Req, reply));
  app.get('/:unit/thu-tuc/:slug/in', hide, (req, reply) => posterPage(app, req as Req, reply));
  app.get('/:unit/thu-tuc/:slug/bieu-mau/:attachmentId', hide, (req, reply) => downloadForm(app, req as Req, reply));
}
