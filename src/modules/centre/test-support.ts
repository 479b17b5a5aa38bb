/**
 * Test fixtures of the centre module, for other modules' tests (they use these instead of writing
 * the centre tables). Rows are stored as given, past the queue rules (a ticket already called, a
 * booking cancelled), with the given connection (a test's owner `t.db`).
 */
import { sql, type Kysely } from 'kysely';
import type { TicketStatus } from './repo/types.js';

export interface ServiceFixture { code: string; prefix: string; name_vi: string; name_en: string }

/** Adds a queue service to a unit; returns its id. */
export async function insertService(db: Kysely<any>, unitId: string, s: ServiceFixture): Promise<string> {
  const row = await db.insertInto('centre_services').values({ unit_id: unitId, ...s }).returning('id').executeTakeFirstOrThrow();
  return row.id as string;
}

export interface TicketFixture {
  service_id: string; day: string; seq: number; number: string; status: TicketStatus; source: 'kiosk' | 'api' | 'booking' | 'staff';
  created_at: Date; called_at: Date | null;
}

/** Adds queue tickets of a unit in one statement. */
export async function insertTickets(db: Kysely<any>, unitId: string, tickets: TicketFixture[]): Promise<void> {
  await db.insertInto('centre_tickets').values(tickets.map((t) => ({ unit_id: unitId, ...t }))).execute();
}

export interface BookingFixture {
  service_id: string; day: string; slot: string; code: string; full_name: string; status: 'booked' | 'checked_in' | 'cancelled';
}

/** Adds appointments of a unit in one statement. */
export async function insertBookings(db: Kysely<any>, unitId: string, bookings: BookingFixture[]): Promise<void> {
  await db.insertInto('centre_bookings').values(bookings.map((b) => ({ unit_id: unitId, ...b }))).execute();
}

export interface ReceptionRatingFixture {
  channel: 'device' | 'qr' | 'api'; officerUserId: string | null; score: 'satisfied' | 'normal' | 'unsatisfied';
}

/** Adds a citizen's rating of a citizen-reception session (a fresh session nonce), naming the official who received them. */
export async function insertReceptionRating(db: Kysely<any>, unitId: string, r: ReceptionRatingFixture): Promise<void> {
  await sql`insert into centre_ratings (unit_id, kind, channel, reception_nonce, officer_user_id, score)
    values (${unitId}, 'reception', ${r.channel}, gen_random_uuid(), ${r.officerUserId}, ${r.score})`.execute(db);
}
