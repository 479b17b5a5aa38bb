import { sql, type Kysely } from 'kysely';

/**
 * The reply shown on the public board and in Open311: a separate text the publisher writes and
 * reviews for personal data. `public_reply` stays the answer sent to the sender (tracking page,
 * e-mail) and is never published as such.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table feedback add column board_reply text`.execute(db);
}
