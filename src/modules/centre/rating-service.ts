import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import { qrRatingProblem, rateableTicket, type RatingInput } from './domain/rating-rules.js';
import { newReceptionToken, verifyToken } from './domain/token.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { getSettings } from './repo/settings-repo.js';
import { ticketById } from './repo/ticket-repo.js';
import type { TicketRow, Trx } from './repo/types.js';
import { requireCounter } from './queue-service.js';

export type Channel = 'device' | 'qr' | 'api';

async function insertTicketRating(trx: Trx, unitId: string, t: TicketRow, r: RatingInput, channel: Channel): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into centre_ratings
      (unit_id, kind, channel, ticket_id, counter_id, service_id, officer_user_id, dossier_code, score, reasons, comment)
    values (${unitId}, 'counter', ${channel}, ${t.id}, ${t.counter_id}, ${t.service_id}, ${t.officer_user_id},
      ${t.dossier_code}, ${r.score}, ${r.reasons}, ${r.comment})
    on conflict do nothing returning id`.execute(trx);
  if (!rows[0]) throw AppError.conflict('centre.error.rated_already');
  return rows[0].id;
}

/** The ticket a signed QR token names, or a 404 for a forged or foreign token. */
export async function ticketOfToken(trx: Trx, unitId: string, token: string): Promise<TicketRow> {
  const settings = await getSettings(trx, unitId);
  const p = verifyToken(settings.token_secret, token);
  const ticket = p?.kind === 't' ? await ticketById(trx, p.id) : undefined;
  if (!ticket || ticket.unit_id !== unitId) throw AppError.notFound('centre.error.rating_code_invalid');
  return ticket;
}

export async function isRated(trx: Trx, ticketId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from centre_ratings where ticket_id = ${ticketId}`.execute(trx);
  return rows.length > 0;
}


/** 409 while the citizen has not been served yet, 410 once the code is older than QR_VALID_DAYS. */
export function assertQrRateable(ticket: TicketRow, now: Date): void {
  const problem = qrRatingProblem(ticket, now);
  if (problem === 'expired') throw new AppError(410, 'expired', 'centre.error.qr_expired');
  if (problem === 'not_served') throw AppError.conflict('centre.error.qr_not_served');
}

/** Rating by the QR printed on a ticket: once, only once service started, within 3 days. */
export async function rateByToken(trx: Trx, unitId: string, token: string, r: RatingInput, channel: Channel, now = new Date()): Promise<string> {
  const ticket = await ticketOfToken(trx, unitId, token);
  assertQrRateable(ticket, now);
  return insertTicketRating(trx, unitId, ticket, r, channel);
}

/** Rating on the counter's device: binds to the ticket the counter just finished. */
export async function rateByDevice(trx: Trx, unitId: string, counterNumber: number | string, r: RatingInput, now: Date, channel: Channel = 'device'): Promise<string> {
  const ticket = await deviceTicket(trx, unitId, counterNumber, now, true);
  if (!ticket) throw AppError.conflict('centre.rating.not_ready');
  return insertTicketRating(trx, unitId, ticket, r, channel);
}

/** The ticket a counter's device may rate now, or null (see rateableTicket). */
export async function deviceTicket(trx: Trx, unitId: string, counterNumber: number | string, now: Date, lock = false): Promise<TicketRow | null> {
  const counter = await requireCounter(trx, unitId, counterNumber);
  const { rows } = await sql<TicketRow & { rated: boolean }>`select t.*, t.day::text as day,
      exists (select 1 from centre_ratings r where r.ticket_id = t.id) as rated
    from centre_tickets t where t.counter_id = ${counter.id} and t.day = ${vnDateOf(now)} and t.status = 'done'
    order by t.finished_at desc limit 1 ${lock ? sql`for update of t` : sql``}`.execute(trx);
  return rateableTicket(rows.map((t) => ({ ...t, finishedAt: t.finished_at! })), now);
}

/** A single-use rating link for one citizen-reception session (printed as a QR on the slip). */
export async function createReceptionToken(trx: Trx, unitId: string, reference: string, createdBy: string | null): Promise<string> {
  const settings = await getSettings(trx, unitId);
  const { token, nonce } = newReceptionToken(settings.token_secret);
  await sql`insert into centre_reception_tokens (nonce, unit_id, reference, created_by)
    values (${nonce}, ${unitId}, ${reference}, ${createdBy})`.execute(trx);
  return token;
}

export async function receptionOfToken(trx: Trx, unitId: string, token: string): Promise<{ nonce: string; reference: string; rated: boolean }> {
  const settings = await getSettings(trx, unitId);
  const p = verifyToken(settings.token_secret, token);
  const { rows } = p?.kind === 'r'
    ? await sql<{ nonce: string; reference: string; rated: boolean }>`select t.nonce, t.reference,
        exists (select 1 from centre_ratings r where r.reception_nonce = t.nonce) as rated
      from centre_reception_tokens t where t.nonce = ${p.id}`.execute(trx)
    : { rows: [] };
  if (!rows[0]) throw AppError.notFound('centre.error.reception_rating_invalid');
  return rows[0];
}

export async function rateReception(trx: Trx, unitId: string, token: string, r: RatingInput, channel: Channel = 'qr'): Promise<string> {
  const session = await receptionOfToken(trx, unitId, token);
  const { rows } = await sql<{ id: string }>`insert into centre_ratings
      (unit_id, kind, channel, reception_nonce, reception_ref, score, reasons, comment)
    values (${unitId}, 'reception', ${channel}, ${session.nonce}, ${session.reference}, ${r.score}, ${r.reasons}, ${r.comment})
    on conflict do nothing returning id`.execute(trx);
  if (!rows[0]) throw AppError.conflict('centre.error.reception_rated');
  return rows[0].id;
}
