/**
 * Test fixtures of the feedback module, for other modules' tests (they use these instead of writing
 * the feedback tables). Items are stored as given, in any state (past the workflow), with the given
 * connection (a test's owner `t.db`).
 */
import type { Insertable, Kysely } from 'kysely';
import type { FeedbackTable, FeedbackTables } from './types.js';

export type FeedbackFixture = Omit<Insertable<FeedbackTable>, 'unit_id'>;

/** Stores feedback items of a unit in one statement. */
export async function insertFeedback(db: Kysely<any>, unitId: string, items: FeedbackFixture[]): Promise<void> {
  await (db as Kysely<FeedbackTables>).insertInto('feedback').values(items.map((f) => ({ unit_id: unitId, ...f }))).execute();
}
