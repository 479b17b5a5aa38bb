import { assertQueueOpen } from './queue-hours.js';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { listCounters, listServices } from '../repo/config-repo.js';
import { waitingCounts } from '../repo/ticket-repo.js';
import { takeTicket, type TakenTicket } from '../queue-service.js';
import { callNext } from '../counter-service.js';
import { queueState } from '../state.js';
import { runCounterAction, type CounterAction } from './counter-actions.js';
import * as S from './schemas.js';
import { urls } from './urls.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

const STAFF = ['admin', 'centre_officer'] as const;

export function ticketJson(unitSlug: string, t: TakenTicket) {
  return {
    id: t.ticket.id, number: t.ticket.number, service: t.service.code, position: t.position, estimated_wait_s: t.estimatedWaitS,
    token: t.token, follow_url: urls.follow(unitSlug, t.token), print_url: urls.printTicket(unitSlug, t.token),
    escpos_url: urls.escpos(unitSlug, t.ticket.id),
  };
}

export function registerQueueApi(app: FastifyInstance): void {
  const staff = app.requireStaff([...STAFF]);
  app.get('/api/v1/units/:unit/queue/services', {
    schema: { tags: S.tags, summary: 'Các lĩnh vực lấy số và số người đang chờ', params: S.UnitParams, response: { 200: { type: 'array', items: S.ServiceItem } } },
  }, async (req) => withUnit(app.db, req.unit!.id, async (trx) => {
    const waiting = await waitingCounts(trx, req.unit!.id, vnToday());
    return (await listServices(trx, req.unit!.id, true)).map((s) => ({ code: s.code, prefix: s.prefix, name: s.name_vi, name_en: s.name_en, waiting: waiting[s.prefix] ?? 0 }));
  }));

  app.get('/api/v1/units/:unit/queue/counters', {
    schema: { tags: S.tags, summary: 'Các quầy, lĩnh vực phục vụ và số đang phục vụ', params: S.UnitParams, response: { 200: { type: 'array', items: S.CounterItem } } },
  }, async (req) => withUnit(app.db, req.unit!.id, async (trx) => {
    const services = new Map((await listServices(trx, req.unit!.id)).map((s) => [s.id, s.code]));
    const state = await queueState(trx, req.unit!.id, new Date(), req.lang);
    return (await listCounters(trx, req.unit!.id)).map((c) => ({
      number: c.number, name: c.name, active: c.active, services: c.service_ids.map((id) => services.get(id)!).filter(Boolean),
      current: state.counters.find((x) => x.number === c.number)?.current ?? null,
    }));
  }));

  app.get('/api/v1/units/:unit/queue/state', {
    schema: { tags: S.tags, summary: 'Toàn bộ trạng thái màn hình gọi số', params: S.UnitParams },
  }, async (req) => withUnit(app.db, req.unit!.id, (trx) => queueState(trx, req.unit!.id, new Date(), req.lang)));

  app.post<{ Body: Static<typeof S.TakeTicketBody> }>('/api/v1/units/:unit/queue/tickets', {
    schema: { tags: S.tags, summary: 'Lấy số thứ tự', params: S.UnitParams, body: S.TakeTicketBody, response: { 201: S.TicketResponse, 404: S.ErrorResponse, 409: S.ErrorResponse, 429: S.ErrorResponse } },
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    await assertQueueOpen(app, req);
    const t = await withUnit(app.db, req.unit!.id, (trx) => takeTicket(trx, req.unit!.id, {
      service: req.body.service, priorityGroup: req.body.priority_group ?? null, source: 'api',
    }, new Date()));
    return reply.code(201).send(ticketJson(req.unit!.slug, t));
  });

  app.post<{ Params: Static<typeof S.CounterParams> }>('/api/v1/units/:unit/queue/counters/:counter/call', {
    preHandler: staff,
    schema: { tags: S.tags, summary: 'Gọi số tiếp theo tại quầy (số đang phục vụ được ghi hoàn thành, số mới gọi mà chưa bắt đầu được ghi vắng mặt)', params: S.CounterParams, security: [{ bearer: [] }, { session: [] }], response: { 200: S.CallResponse, 404: S.ErrorResponse, 409: S.ErrorResponse } },
  }, async (req) => {
    const r = await withUnit(app.db, req.unit!.id, async (trx) => {
      const r = await callNext({ trx, unitId: req.unit!.id, counter: req.params.counter, officerUserId: req.staff!.userId, now: new Date() });
      const previous = r.previous ? { number: r.previous.number, status: r.previous.status } : null;
      if (r.ticket || previous) {
        await audit(trx, req, {
          action: 'centre.call', entity: 'centre_ticket', entityId: (r.ticket ?? r.previous)!.id,
          after: { number: r.ticket?.number ?? null, counter: r.counter.number, previous },
        });
      }
      return { ...r, previousJson: previous };
    });
    if (!r.ticket) throw new AppError(409, 'queue_empty', 'centre.counter.queue_empty', r.previousJson ? { previous: r.previousJson } : undefined);
    return { number: r.ticket.number, counter: r.counter.number, called_at: r.ticket.called_at!.toISOString(), previous: r.previousJson };
  });

  app.post<{ Params: Static<typeof S.ActionParams>; Body: Static<typeof S.ActionBody> }>('/api/v1/units/:unit/queue/counters/:counter/:action', {
    preHandler: staff,
    schema: { tags: S.tags, summary: 'Gọi lại, bắt đầu, hoàn thành, vắng mặt, chuyển quầy, gắn mã hồ sơ', params: S.ActionParams, body: S.ActionBody, security: [{ bearer: [] }, { session: [] }], response: { 200: S.ActionResponse, 404: S.ErrorResponse, 409: S.ErrorResponse, 422: S.ErrorResponse } },
  }, async (req) => {
    const r = await runCounterAction(app, req, req.params.counter, req.params.action as CounterAction, {
      to: req.body?.to, dossierCode: req.body?.dossier_code,
    });
    return { counter: r.counter.number, number: r.ticket?.number ?? null, status: r.ticket?.status ?? null };
  });
}
