/** Public pages: the form, the status page (rate, reopen), the look-up and the public board. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { readForm } from '../../../core/http/forms.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { pageParam } from '../../../web/components/display.js';
import { rateAnswer } from '../citizen.js';
import { actionContext, clientKey, statusPath, statusUrl, type FeedbackContext } from '../context.js';
import { applyAction } from '../handling.js';
import { submitFeedback } from '../intake.js';
import { cleanPhoto, MAX_PHOTOS, type CleanPhoto } from '../photos.js';
import { publicFeedback } from '../public-view.js';
import { mapSettings } from '../map.js';
import { publishedItems, publishedPoints } from '../staff-repo.js';
import { statsFor } from '../stats.js';
import { asFeedbackTrx } from '../types.js';
import { validateSubmission } from '../validate.js';
import { BoardPage } from '../views/board-page.js';
import { FeedbackFormPage, LookupForm, type FormValues } from '../views/form-page.js';
import { StatusPage } from '../views/status-page.js';
import { PAGED, query, Q, type QueryOf } from '../../../core/http/query.js';
import { limitCodeLookups } from '../../../core/http/lookup-limit.js';
import { isSender, rememberSender, senderCopy, SenderCopyView } from '../sender-copy.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

/** `?moi=1` after a submission: the status page thanks the citizen. */
const NEW_QUERY = query({ moi: Q.text(10) });

type UnitReq = FastifyRequest<{ Params: { unit: string } }>;
type CodeReq = FastifyRequest<{ Params: { unit: string; code: string } }>;
const STYLE = { styles: ['css/feedback.css'] };
const crumbs = (req: FastifyRequest, extra: Array<{ label: string; href?: string }> = []) => [
  { label: req.unit!.name, href: `/${req.unit!.slug}/` }, { label: req.t('feedback.nav.public'), href: `/${req.unit!.slug}/phan-anh` }, ...extra,
];
const wantsJson = (req: FastifyRequest) => (req.headers.accept ?? '').startsWith('application/json');

function showForm(req: FastifyRequest, reply: FastifyReply, values: FormValues, errors: Record<string, string>, key: string, status = 200) {
  return renderPage(req, reply, { title: req.t('feedback.form.title'), breadcrumbs: crumbs(req), scripts: ['js/feedback-form.js', 'js/feedback-map.js'], current: 'phan-anh', ...STYLE },
    <FeedbackFormPage req={req} values={values} errors={errors} idempotencyKey={key} map={mapSettings(req.server, req)} />, status);
}

async function photosOf(files: Array<{ field: string; data: Buffer }>, share: boolean) {
  const uploads = files.filter((f) => f.field === 'photos' && f.data.length > 0);
  if (uploads.length > MAX_PHOTOS) return { error: 'feedback.error.tooManyPhotos', status: 422 as const };
  const photos: CleanPhoto[] = [];
  for (const f of uploads) {
    const r = await cleanPhoto(f.data, share);
    if (!r.ok) return { error: r.reason, status: r.status };
    photos.push(r.photo);
  }
  return { photos };
}

async function submitForm(ctx: FeedbackContext, req: UnitReq, reply: FastifyReply) {
  const { fields, files } = await readForm(req);
  const values: FormValues = { ...fields, shareLocation: fields.shareLocation === 'on' };
  const key = fields.idempotencyKey?.slice(0, 100) || randomUUID();
  const v = validateSubmission(fields);
  if (!v.ok) {
    if (wantsJson(req)) throw AppError.unprocessable('feedback.error.invalid', v.errors);
    const errors = Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, req.t(m!)]));
    return showForm(req, reply, values, errors, key, 422);
  }
  const p = await photosOf(files, v.value.shareLocation);
  if ('error' in p) {
    if (wantsJson(req)) throw new AppError(p.status!, 'photo', p.error!);
    return showForm(req, reply, values, { photos: req.t(p.error!) }, key, p.status);
  }
  const r = await submitFeedback(ctx.app.db, ctx.deadlineRules, req.unit!.id, v.value, { channel: 'web', clientKey: clientKey(req), idempotencyKey: key, photos: p.photos });
  rememberSender(ctx.app, reply, req.unit!.slug, r.code);
  if (wantsJson(req)) return reply.code(r.created ? 201 : 200).send({ code: r.code, status: r.status, url: statusUrl(ctx.app, req.unit!.slug, r.code) });
  return reply.redirect(`${statusPath(req.unit!.slug, r.code)}?moi=1`, 303);
}

async function loadForUnit(ctx: FeedbackContext, req: CodeReq) {
  const f = await publicFeedback(ctx.app.db, req.params.code, vnToday());
  if (!f || f.unitId !== req.unit!.id) throw AppError.notFound('feedback.error.notFound');
  return f;
}

async function showStatus(ctx: FeedbackContext, req: CodeReq, reply: FastifyReply, notice?: string, errors?: Record<string, string>, status = 200) {
  const f = await loadForUnit(ctx, req);
  const copy = isSender(ctx.app, req, f.code) ? await senderCopy(ctx.app, req.unit!.id, f.code) : null;
  return renderPage(req, reply, {
    title: req.t('feedback.status.title', { code: f.code }), breadcrumbs: crumbs(req, [{ label: f.code }]), ...STYLE, scripts: ['js/copy-code.js'],
  }, <StatusPage req={req} f={f} notice={notice} errors={errors} sent={copy && <SenderCopyView req={req} copy={copy} />} />, status);
}

export async function publicRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  const limit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  app.get('/:unit/phan-anh', async (req: UnitReq, reply) => showForm(req, reply, {}, {}, randomUUID()));
  app.post('/:unit/phan-anh', { config: limit }, (req: UnitReq, reply) => submitForm(ctx, req, reply));

  app.get<{ Params: { unit: string }; Querystring: { ma?: string } }>('/:unit/phan-anh/tra-cuu', { preHandler: limitCodeLookups }, async (req, reply) => {
    const raw = String(req.query.ma ?? '');
    const f = raw ? await publicFeedback(app.db, raw, vnToday()) : null;
    if (f && f.unitId === req.unit!.id) return reply.redirect(statusPath(req.unit!.slug, f.code), 303);
    return renderPage(req, reply, { title: req.t('feedback.form.lookupTitle'), breadcrumbs: crumbs(req), ...STYLE },
      <LookupForm req={req} value={raw} error={req.t(raw ? 'feedback.error.notFound' : 'feedback.error.code')} />, 404);
  });

  app.get('/:unit/phan-anh/cong-khai', { schema: { querystring: PAGED } }, async (req: FastifyRequest<{ Params: { unit: string }; Querystring: Record<string, string> }>, reply) => {
    const year = Number(vnToday().slice(0, 4));
    const page = pageParam(req.query);
    const pageSize = 20;
    const { stats, items, points } = await withUnit(app.db, req.unit!.id, async (raw) => {
      const trx = asFeedbackTrx(raw);
      return {
        stats: await statsFor(trx, `${year}-01-01`, `${year + 1}-01-01`, vnToday()),
        items: await publishedItems(trx, pageSize, (page - 1) * pageSize), points: await publishedPoints(trx),
      };
    });
    return renderPage(req, reply, {
      title: req.t('feedback.board.title'), breadcrumbs: crumbs(req, [{ label: req.t('feedback.nav.board') }]), ...STYLE,
      scripts: points.length ? ['js/feedback-map.js'] : [],
    }, <BoardPage req={req} year={year} stats={stats} items={items.rows} total={items.total} page={page} pageSize={pageSize} points={points} map={mapSettings(app, req)} />);
  });

  app.get<{ Params: { unit: string; code: string }; Querystring: QueryOf<typeof NEW_QUERY> }>('/:unit/phan-anh/:code',
    { preHandler: limitCodeLookups, schema: { querystring: NEW_QUERY } }, async (req, reply) =>
      showStatus(ctx, req, reply, req.query.moi ? req.t('feedback.status.created') : undefined));

  app.post('/:unit/phan-anh/:code/danh-gia', { config: limit }, async (req: CodeReq, reply) => {
    const f = await loadForUnit(ctx, req);
    const { fields } = await readForm(req);
    const rating = Number(fields.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      return showStatus(ctx, req, reply, undefined, { rating: req.t('feedback.status.rating') }, 422);
    }
    await rateAnswer(app.db, req, req.unit!.id, f.code, rating, fields.comment ?? null);
    return showStatus(ctx, req, reply, req.t('feedback.status.thanksRating'));
  });

  app.post('/:unit/phan-anh/:code/mo-lai', { config: limit }, async (req: CodeReq, reply) => {
    const f = await loadForUnit(ctx, req);
    const { fields } = await readForm(req);
    const reason = (fields.reason ?? '').trim();
    if (reason.length < 5) return showStatus(ctx, req, reply, undefined, { reason: req.t('feedback.status.reopenReason') }, 422);
    await applyAction(actionContext(ctx, req, true), req.unit!.id, f.code, { action: 'reopen', note: reason.slice(0, 2000) });
    return showStatus(ctx, req, reply, req.t('feedback.status.reopened'));
  });
}
