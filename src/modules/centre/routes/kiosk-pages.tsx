import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { checkIn } from '../booking-service.js';
import { isPriorityGroup } from '../domain/aging.js';
import { qrRatingProblem } from '../domain/rating-rules.js';
import { listCounters, listServices } from '../repo/config-repo.js';
import { waitingCounts } from '../repo/ticket-repo.js';
import type { Trx } from '../repo/types.js';
import { queuePosition, takeTicket } from '../queue-service.js';
import { isRated, ticketOfToken } from '../rating-service.js';
import { surveyLink } from '../survey-link.js';
import { KioskPage } from '../views/kiosk-page.js';
import { FollowTicketPage, PrintTicketPage, type TicketView } from '../views/ticket-page.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { urls } from './urls.js';
import { assertQueueOpen, queueClosedMessage } from './queue-hours.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

const PAGE = { styles: ['css/centre.css'], bare: true };

async function ticketView(app: FastifyInstance, trx: Trx, req: FastifyRequest, token: string): Promise<TicketView> {
  const unit = req.unit!;
  const ticket = await ticketOfToken(trx, unit.id, token);
  const service = (await listServices(trx, unit.id)).find((s) => s.id === ticket.service_id)!;
  const { position, estimatedWaitS } = await queuePosition(trx, unit.id, ticket, service, new Date());
  const counter = (await listCounters(trx, unit.id)).find((c) => c.id === ticket.counter_id);
  const followUrl = `${app.config.publicUrl}${urls.follow(unit.slug, token)}`;
  const rateable = !qrRatingProblem(ticket, new Date()) && !(await isRated(trx, ticket.id));
  return {
    ticket, service, position, estimatedWaitS, counterNumber: counter?.number ?? null,
    qrSvg: await qrSvg(followUrl, { margin: 1 }), followUrl, rateUrl: rateable ? urls.rate(unit.slug, token) : null, surveyUrl: null,
  };
}

export function registerKioskPages(app: FastifyInstance): void {
  const kiosk = async (req: FastifyRequest, reply: any, error?: string, status = 200) => {
    const unit = req.unit!;
    const { services, waiting } = await withUnit(app.db, unit.id, async (trx) => ({
      services: await listServices(trx, unit.id, true), waiting: await waitingCounts(trx, unit.id, vnToday()),
    }));
    const closed = error ? null : await queueClosedMessage(app, req);
    return renderPage(req, reply, { ...PAGE, title: req.t('centre.kiosk.title'), scripts: ['js/centre-kiosk.js'] },
      <KioskPage req={req} services={services} waiting={waiting} error={error} closed={closed} action={urls.kiosk(unit.slug)}
        bookingUrl={urls.booking(unit.slug)} />, status);
  };

  app.get('/:unit/quay/lay-so', { schema: { hide: true } }, (req, reply) => kiosk(req, reply));

  app.post('/:unit/quay/lay-so', { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const unit = req.unit!;
    const { fields } = await readForm(req);
    const group = fields.priority_group || null;
    try {
      await assertQueueOpen(app, req);
      const taken = await withUnit(app.db, unit.id, (trx) => {
        if (fields.booking_code?.trim()) return checkIn(trx, unit.id, fields.booking_code, new Date());
        if (!fields.service) throw AppError.unprocessable('centre.error.choose_area');
        return takeTicket(trx, unit.id, { service: fields.service, priorityGroup: isPriorityGroup(group) ? group : null, source: 'kiosk' }, new Date());
      });
      return reply.redirect(urls.printTicket(unit.slug, taken.token), 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return kiosk(req, reply, err.text(req.t), err.status);
      throw err;
    }
  });

  app.get<{ Params: { unit: string; token: string } }>('/:unit/quay/in-ve/:token', { schema: { hide: true } }, async (req, reply) => {
    const v = await withUnit(app.db, req.unit!.id, (trx) => ticketView(app, trx, req, req.params.token));
    return renderPage(req, reply, { ...PAGE, title: `${req.t('centre.ticket.title')} ${v.ticket.number}`, scripts: ['js/centre-kiosk.js'] },
      <PrintTicketPage req={req} v={v} kioskUrl={urls.kiosk(req.unit!.slug)} />);
  });

  app.get<{ Params: { unit: string; token: string } }>('/:unit/quay/ve/:token', { schema: { hide: true } }, async (req, reply) => {
    const v = await withUnit(app.db, req.unit!.id, (trx) => ticketView(app, trx, req, req.params.token));
    // Once served, the citizen is also invited to the centre's satisfaction survey.
    if (v.ticket.status === 'serving' || v.ticket.status === 'done') v.surveyUrl = await surveyLink(app, req);
    return renderPage(req, reply, { styles: ['css/centre.css'], title: `${req.t('centre.ticket.follow_title')} ${v.ticket.number}`, scripts: ['js/centre-kiosk.js'] },
      <FollowTicketPage req={req} v={v} />);
  });
}
