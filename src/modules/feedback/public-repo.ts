/** Reads behind the public status page: only what a tracking code may show. */
import type { Kysely } from 'kysely';
import type { FeedbackDb, FeedbackTrx } from './types.js';

export async function unitOfCode(db: Kysely<any>, code: string): Promise<string | null> {
  const row = await (db as unknown as FeedbackDb).selectFrom('feedback_codes').select('unit_id').where('code', '=', code)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

export function publicItemByCode(trx: FeedbackTrx, code: string) {
  return trx.selectFrom('feedback')
    .select(['id', 'code', 'category', 'channel', 'status', 'received_at', 'due_date', 'answered_at', 'public_reply', 'published',
      'public_summary', 'rating', 'merged_into'])
    .where('code', '=', code).executeTakeFirst();
}

export async function codeOfItem(trx: FeedbackTrx, id: string): Promise<string | undefined> {
  return (await trx.selectFrom('feedback').select('code').where('id', '=', id).executeTakeFirst())?.code;
}

export function eventsOfItem(trx: FeedbackTrx, feedbackId: string) {
  return trx.selectFrom('feedback_events').select(['at', 'action', 'to_status', 'note', 'is_public'])
    .where('feedback_id', '=', feedbackId).orderBy('at').execute();
}
