import { sendSmsReceipt } from './booking-receipt.js';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { bookingByToken, bookingToken, bookSlot, cancelBooking } from '../booking-service.js';
import { unitCalendar } from '../calendar-link.js';
import { buildEscposTicket } from '../domain/escpos.js';
import { vnDateOf, vnTimeOf } from '../../../lib/vn-calendar/index.js';
import { listServices } from '../repo/config-repo.js';
import { ticketById } from '../repo/ticket-repo.js';
import { getSettings } from '../repo/settings-repo.js';
import { signToken } from '../domain/token.js';
import { queuePosition } from '../queue-service.js';
import * as S from './schemas.js';
import { urls } from './urls.js';

const TicketParams = Type.Object({ unit: Type.String(), id: Type.String({ maxLength: 40 }) });

export function registerExtraApi(app: FastifyInstance): void {
  app.get<{ Params: Static<typeof TicketParams> }>('/api/v1/units/:unit/queue/tickets/:id/escpos', {
    schema: { tags: S.tags, summary: 'Phiếu số thứ tự dạng lệnh ESC/POS cho máy in nhiệt (docs/escpos-ticket.md)', params: TicketParams },
  }, async (req, reply) => {
    const unit = req.unit!;
    const now = new Date();
    const bytes = await withUnit(app.db, unit.id, async (trx) => {
      const t = await ticketById(trx, req.params.id);
      if (!t || t.day !== vnDateOf(now)) throw AppError.notFound('centre.error.ticket_not_today');
      const service = (await listServices(trx, unit.id)).find((s) => s.id === t.service_id)!;
      const { position, estimatedWaitS } = await queuePosition(trx, unit.id, t, service, now);
      const token = signToken((await getSettings(trx, unit.id)).token_secret, { kind: 't', id: t.id });
      return buildEscposTicket({
        unitName: unit.name, serviceName: service.name_vi, number: t.number,
        issuedAt: `${t.day.split('-').reverse().join('/')} ${vnTimeOf(t.created_at)}`,
        ahead: Math.max(0, position - 1), estimatedWaitMin: Math.round(estimatedWaitS / 60),
        followUrl: `${app.config.publicUrl}${urls.follow(unit.slug, token)}`,
      });
    });
    return reply.header('content-type', 'application/vnd.escpos').header('content-disposition', `inline; filename="ticket.bin"`).send(bytes);
  });

  app.post<{ Body: Static<typeof S.BookingBody> }>('/api/v1/units/:unit/queue/bookings', {
    schema: { tags: S.tags, summary: 'Đặt lịch hẹn theo khung giờ (409 khi hết chỗ)', params: S.UnitParams, body: S.BookingBody, response: { 201: S.BookingResponse, 409: S.ErrorResponse, 422: S.ErrorResponse } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const unit = req.unit!;
    const calendar = await unitCalendar(app.db, unit.id, req.log);
    const { b, token } = await withUnit(app.db, unit.id, async (trx) => {
      const b = await bookSlot(trx, unit.id, {
        service: req.body.service, day: req.body.day, slot: req.body.slot, fullName: req.body.full_name, phone: req.body.phone,
      }, new Date(), calendar);
      return { b, token: await bookingToken(trx, unit.id, b.id) };
    });
    await sendSmsReceipt(app, req, b, token);
    return reply.code(201).send({ code: b.code, day: b.day, slot: b.slot, service: req.body.service, cancel_token: token, cancel_url: urls.cancelBooking(unit.slug, token) });
  });

  app.post<{ Body: Static<typeof S.CancelBookingBody> }>('/api/v1/units/:unit/queue/bookings/cancel', {
    schema: { tags: S.tags, summary: 'Công dân hủy lịch hẹn bằng mã hủy nhận được khi đặt lịch (trước giờ hẹn)', params: S.UnitParams, body: S.CancelBookingBody, response: { 200: S.CancelBookingResponse, 404: S.ErrorResponse, 409: S.ErrorResponse } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req) => {
    const unit = req.unit!;
    const b = await withUnit(app.db, unit.id, async (trx) => {
      const found = await bookingByToken(trx, unit.id, req.body.token);
      const b = await cancelBooking(trx, unit.id, found.id, { staffUserId: null }, new Date());
      await audit(trx, req, { action: 'centre.booking.cancel', entity: 'centre_booking', entityId: b.id, before: { status: found.status }, after: { status: b.status, by: 'citizen' } });
      return b;
    });
    return { code: b.code, day: b.day, slot: b.slot, status: b.status };
  });
}
