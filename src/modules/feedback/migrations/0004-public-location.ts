import { sql, type Kysely } from 'kysely';

/**
 * What the moderator approved for the public board and Open311 besides the summary: a place name
 * and rounded coordinates. The sender's own `address`, `lat`, `lng` are never published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table feedback add column public_place text, add column public_lat double precision, add column public_lng double precision`.execute(db);
}
