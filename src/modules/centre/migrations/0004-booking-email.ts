import { sql, type Kysely } from 'kysely';

/** An optional email for the booking receipt (the phone already gets an SMS). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table centre_bookings add column email text`.execute(db);
}
