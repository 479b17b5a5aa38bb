import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { checkRating, qrRatingProblem, SCORES } from '../domain/rating-rules.js';
import { DEVICE_COOKIE, requirePairedDevice } from '../device-service.js';
import type { Score } from '../domain/stats.js';
import { listServices } from '../repo/config-repo.js';
import type { Trx } from '../repo/types.js';
import { deviceTicket, isRated, rateByDevice, rateByToken, rateReception, receptionOfToken, ticketOfToken } from '../rating-service.js';
import { surveyLink } from '../survey-link.js';
import { RatingPage, type RatingPageProps } from '../views/rating-views.js';
import { RATING_RATE_LIMIT } from './api-ratings.js';
import { urls } from './urls.js';

type Kind = 'device' | 'ticket' | 'reception';
interface Target { subject?: string; message?: string; status?: number }
type P = { unit: string; key: string };

const scoreOf = (q: unknown): Score | null => (SCORES.includes((q as any)?.diem) ? (q as any).diem : null);

export function registerRatingPages(app: FastifyInstance): void {
  const pathOf: Record<Kind, (u: string, k: string) => string> = { device: urls.device, ticket: urls.rate, reception: urls.rateReception };
  const titleKey: Record<Kind, string> = { device: 'centre.rating.title', ticket: 'centre.rating.title', reception: 'centre.rating.reception_title' };

  const serviceName = async (trx: Trx, unitId: string, serviceId: string, lang: string) => {
    const s = (await listServices(trx, unitId)).find((x) => x.id === serviceId)!;
    return lang === 'en' ? s.name_en : s.name_vi;
  };

  /** What is being rated, or a message saying why it cannot be rated now. */
  const target = (kind: Kind, req: FastifyRequest, key: string): Promise<Target> => withUnit(app.db, req.unit!.id, async (trx) => {
    const unitId = req.unit!.id;
    if (kind === 'reception') {
      const r = await receptionOfToken(trx, unitId, key);
      return r.rated ? { message: req.t('centre.rating.already') } : { subject: r.reference };
    }
    const now = new Date();
    if (kind === 'device') await requireDevice(trx, req, key, now);
    const t = kind === 'device' ? await deviceTicket(trx, unitId, key, now) : await ticketOfToken(trx, unitId, key);
    if (!t) return { message: req.t('centre.rating.not_ready') };
    if (await isRated(trx, t.id)) return { message: req.t('centre.rating.already') };
    const problem = kind === 'ticket' ? qrRatingProblem(t, now) : null;
    if (problem === 'expired') return { message: req.t('centre.rating.expired'), status: 410 };
    if (problem === 'not_served') return { message: req.t('centre.rating.not_served') };
    return { subject: req.t('centre.rating.for_ticket', { number: t.number, service: await serviceName(trx, unitId, t.service_id, req.lang) }) };
  });

  const page = (kind: Kind, req: FastifyRequest, reply: FastifyReply, key: string, extra: Partial<RatingPageProps>, status = 200) => {
    const unit = req.unit!;
    const device = kind === 'device';
    return renderPage(req, reply, { title: req.t(titleKey[kind]), bare: device, styles: ['css/centre.css'], scripts: device ? ['js/centre-rating.js'] : [] },
      <RatingPage req={req} title={req.t(titleKey[kind])} action={pathOf[kind](unit.slug, key)} score={null} device={device}
        idleUrl={device ? urls.device(unit.slug, key) : undefined} {...extra} />, status);
  };

  /** 403 with a Vietnamese explanation unless this browser is the counter's paired rating device. */
  const requireDevice = (trx: Trx, req: FastifyRequest, key: string, now: Date) => !/^[0-9]{1,2}$/.test(key)
    ? Promise.reject(AppError.notFound('centre.error.counter_not_found'))
    : requirePairedDevice(trx, req.unit!.id, key, req.cookies?.[DEVICE_COOKIE], now);

  const save = (kind: Kind, req: FastifyRequest, key: string, fields: Record<string, unknown>) => {
    const check = checkRating(fields);
    if (!check.ok) throw AppError.unprocessable(check.message, { field: check.field });
    const now = new Date();
    return withUnit(app.db, req.unit!.id, async (trx) => {
      if (kind === 'device') {
        await requireDevice(trx, req, key, now);
        return rateByDevice(trx, req.unit!.id, key, check.value, now);
      }
      return kind === 'ticket' ? rateByToken(trx, req.unit!.id, key, check.value, 'qr', now) : rateReception(trx, req.unit!.id, key, check.value, 'qr');
    });
  };

  const register = (kind: Kind, path: string) => {
    app.get<{ Params: P }>(path, { schema: { hide: true } }, async (req, reply) => {
      try {
        const { status, ...t } = await target(kind, req, req.params.key);
        return page(kind, req, reply, req.params.key, { ...t, score: t.message ? null : scoreOf(req.query) }, status);
      } catch (err) {
        if (err instanceof AppError && err.status === 403) return page(kind, req, reply, req.params.key, { message: err.text(req.t), unpaired: true }, 403);
        throw err;
      }
    });
    app.post<{ Params: P }>(path, { schema: { hide: true }, config: { rateLimit: RATING_RATE_LIMIT } }, async (req, reply) => {
      const { fields, lists } = await readForm(req);
      try {
        await save(kind, req, req.params.key, { ...fields, reasons: lists.reasons ?? [] });
        const surveyUrl = kind === 'ticket' ? await surveyLink(app, req) : null;
        return page(kind, req, reply, req.params.key, { done: true, surveyUrl }, 201);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
        const score = scoreOf({ diem: fields.score });
        return page(kind, req, reply, req.params.key, err.status === 422 && score ? { score, error: err.text(req.t) } : { message: err.text(req.t), unpaired: err.status === 403 }, err.status);
      }
    });
  };
  register('device', '/:unit/quay/danh-gia/:key');
  register('reception', '/:unit/danh-gia/tiep-cong-dan/:key');
  register('ticket', '/:unit/danh-gia/:key');
}
