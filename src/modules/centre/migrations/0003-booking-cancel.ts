import { sql, type Kysely } from 'kysely';

/** When and by whom (a staff user; null for the citizen's own link) a booking was cancelled. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table centre_bookings add column cancelled_at timestamptz;
    alter table centre_bookings add column cancelled_by uuid;
  `.execute(db);
}
