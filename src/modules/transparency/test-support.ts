/**
 * Test fixtures of the transparency module, for other modules' tests (they use these instead of
 * writing the transparency tables). They write with the given connection (a test's owner `t.db`).
 */
import { sql, type Kysely } from 'kysely';
import { markReviewedByKey } from './repo-published.js';

/** Sets the last review of one published item (by type and ref, e.g. 'procedure' and its id); throws when there is none. */
export async function setLastReviewed(db: Kysely<any>, unitId: string, item: { type: string; ref?: string }, at: Date): Promise<void> {
  const found = await db.transaction().execute((trx) => markReviewedByKey(trx, unitId, item.type, item.ref ?? '', at));
  if (!found) throw new Error(`no published item ${item.type}:${item.ref ?? ''}`);
}

/**
 * Marks every published item of the unit reviewed now, then puts the first `overdue` of them (by id)
 * one day past their review interval.
 */
export async function setReviewsOverdue(db: Kysely<any>, unitId: string, overdue: number): Promise<void> {
  await sql`update published_items set last_reviewed_at = now() where unit_id = ${unitId}`.execute(db);
  await sql`update published_items set last_reviewed_at = now() - make_interval(days => review_interval_days + 1)
    where id in (select id from published_items where unit_id = ${unitId} order by id limit ${overdue})`.execute(db);
}
