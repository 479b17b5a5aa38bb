import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { checkRating, SCORES } from '../domain/rating-rules.js';
import type { Score } from '../domain/stats.js';
import { listServices } from '../repo/config-repo.js';
import type { Trx } from '../repo/types.js';
import { deviceTicket, isRated, rateByDevice, rateByToken, rateReception, receptionOfToken, ticketOfToken } from '../rating-service.js';
import { RatingPage, type RatingPageProps } from '../views/rating-views.js';
import { RATING_RATE_LIMIT } from './api-ratings.js';
import { urls } from './urls.js';

type Kind = 'device' | 'ticket' | 'reception';
interface Target { subject?: string; message?: string }
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
    const t = kind === 'device' ? await deviceTicket(trx, unitId, key, new Date()) : await ticketOfToken(trx, unitId, key);
    if (!t) return { message: req.t('centre.rating.not_ready') };
    if (await isRated(trx, t.id)) return { message: req.t('centre.rating.already') };
    if (!['called', 'serving', 'done'].includes(t.status)) return { message: 'Số thứ tự này chưa được phục vụ nên chưa thể đánh giá.' };
    return { subject: req.t('centre.rating.for_ticket', { number: t.number, service: await serviceName(trx, unitId, t.service_id, req.lang) }) };
  });

  const page = (kind: Kind, req: FastifyRequest, reply: FastifyReply, key: string, extra: Partial<RatingPageProps>, status = 200) => {
    const unit = req.unit!;
    const device = kind === 'device';
    return renderPage(req, reply, { title: req.t(titleKey[kind]), bare: device, styles: ['css/centre.css'], scripts: device ? ['js/centre-rating.js'] : [] },
      <RatingPage req={req} title={req.t(titleKey[kind])} action={pathOf[kind](unit.slug, key)} score={null} device={device}
        idleUrl={device ? urls.device(unit.slug, key) : undefined} {...extra} />, status);
  };

  const save = (kind: Kind, req: FastifyRequest, key: string, fields: Record<string, unknown>) => {
    const check = checkRating(fields);
    if (!check.ok) throw AppError.unprocessable(req.t(check.message), { field: check.field });
    return withUnit(app.db, req.unit!.id, (trx) => kind === 'device'
      ? rateByDevice(trx, req.unit!.id, key, check.value, new Date())
      : kind === 'ticket' ? rateByToken(trx, req.unit!.id, key, check.value, 'qr') : rateReception(trx, req.unit!.id, key, check.value, 'qr'));
  };

  const register = (kind: Kind, path: string) => {
    app.get<{ Params: P }>(path, { schema: { hide: true } }, async (req, reply) => {
      const t = await target(kind, req, req.params.key);
      return page(kind, req, reply, req.params.key, { ...t, score: t.message ? null : scoreOf(req.query) });
    });
    app.post<{ Params: P }>(path, { schema: { hide: true }, config: { rateLimit: RATING_RATE_LIMIT } }, async (req, reply) => {
      const { fields, lists } = await readForm(req);
      try {
        await save(kind, req, req.params.key, { ...fields, reasons: lists.reasons ?? [] });
        return page(kind, req, reply, req.params.key, { done: true }, 201);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
        const score = scoreOf({ diem: fields.score });
        return page(kind, req, reply, req.params.key, err.status === 422 && score ? { score, error: err.message } : { message: err.message }, err.status);
      }
    });
  };
  register('device', '/:unit/quay/danh-gia/:key');
  register('reception', '/:unit/danh-gia/tiep-cong-dan/:key');
  register('ticket', '/:unit/danh-gia/:key');
}
