import type { FastifyInstance, FastifyRequest } from 'fastify';
import { translator } from '../../../core/i18n.js';
import { enqueueEmail } from '../../../core/mail.js';
import { provider } from '../../../core/providers.js';
import type { Booking } from '../booking-service.js';
import { listCounters, listServices } from '../repo/config-repo.js';
import type { ServiceRow, Trx } from '../repo/types.js';
import { urls } from './urls.js';

export interface BookingDetails { service: ServiceRow | undefined; counters: number[] }

/** The booked service and the open counters that serve it (where to go on the day). */
export async function bookingDetails(trx: Trx, unitId: string, b: Booking): Promise<BookingDetails> {
  const service = (await listServices(trx, unitId)).find((s) => s.id === b.service_id);
  const counters = (await listCounters(trx, unitId)).filter((c) => c.active && c.service_ids.includes(b.service_id)).map((c) => c.number);
  return { service, counters };
}

const dmy = (day: string) => day.split('-').reverse().join('/');
/** Receipts go to citizens in Vietnamese, whatever language the page was in. */
const vi = translator('vi');

function receiptText(app: FastifyInstance, req: FastifyRequest, b: Booking, token: string): string {
  const unit = req.unit!;
  return vi('centre.booking.receipt_text', {
    code: b.code, slot: b.slot, day: dmy(b.day), unit: unit.name, address: unit.address ?? '',
    url: `${app.config.publicUrl}${urls.bookingPage(unit.slug, token)}`,
  });
}

/** The email receipt, in the booking's transaction (the outbox sends it after commit). */
export async function queueEmailReceipt(app: FastifyInstance, trx: Trx, req: FastifyRequest, b: Booking, token: string): Promise<void> {
  if (!b.email) return;
  await enqueueEmail(trx, { unitId: req.unit!.id, to: b.email, subject: vi('centre.booking.receipt_subject', { code: b.code }), text: receiptText(app, req, b, token) });
}

/**
 * The SMS receipt through the installation's SMS gateway (the surveys module's sender), after the
 * booking is stored. A gateway failure is logged: the booking stands and its page shows the code.
 */
export async function sendSmsReceipt(app: FastifyInstance, req: FastifyRequest, b: Booking, token: string): Promise<void> {
  const sms = provider('sms');
  if (!b.phone || !sms) return;
  try {
    await sms.send(req.log, b.phone, receiptText(app, req, b, token));
  } catch (err) {
    req.log.error({ err }, 'centre: booking SMS receipt failed');
  }
}
