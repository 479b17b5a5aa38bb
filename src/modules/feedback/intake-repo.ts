/**
 * The hot insert path. One statement: look for a recent duplicate (same dedupe key inside the
 * window), insert the item when there is none, and register its code for the public look-up.
 * With a dedupe key, a transaction-scoped advisory lock on (unit, key) is taken first, so that
 * identical submissions arriving together are serialised and only the first inserts.
 *
 * The generated SQL (PostgreSQL):
 *   with prior as (select code, status, id from feedback where unit_id = $1 and dedupe_key = $2
 *                  and received_at > now() - make_interval(secs => $3) limit 1),
 *        ins as (insert into feedback (...) select ... where not exists (select 1 from prior)
 *                returning code, status, id),
 *        reg as (insert into feedback_codes (code, unit_id) select code, $1 from ins)
 *   select code, status, id, true as created from ins union all select code, status, id, false from prior
 */
import { sql, type Kysely } from 'kysely';
import type { FeedbackTrx } from './types.js';

export interface NewFeedbackRow {
  unitId: string;
  code: string;
  category: string;
  channel: string;
  content: string;
  senderName: string | null;
  senderPhone: string | null;
  senderEmail: string | null;
  senderHandle: string | null;
  shareLocation: boolean;
  lat: number | null;
  lng: number | null;
  address: string | null;
  boxLocation: string | null;
  intakeId: string | null;
  dedupeKey: string | null;
  dueDate: string;
  /** Defaults to now(); staff recording a letter from a box give the day it was found. */
  receivedAt: Date | null;
}

export interface InsertOutcome {
  id: string;
  code: string;
  status: string;
  created: boolean;
}

export async function insertFeedback(trx: FeedbackTrx, row: NewFeedbackRow, dedupeWindowSeconds: number): Promise<InsertOutcome> {
  // Serialise identical submissions (migration 0005): the look-up below then sees a committed twin.
  if (row.dedupeKey) await sql`select feedback_dedupe_lock(${row.unitId}::uuid, ${row.dedupeKey})`.execute(trx);
  const result = await sql<InsertOutcome>`
    with prior as (
      select code, status, id from feedback
      where unit_id = ${row.unitId} and dedupe_key = ${row.dedupeKey}
        and received_at > now() - make_interval(secs => ${dedupeWindowSeconds})
      limit 1
    ), ins as (
      insert into feedback (unit_id, code, category, channel, content, sender_name, sender_phone, sender_email,
        sender_handle, share_location, lat, lng, address, box_location, intake_id, dedupe_key, due_date, received_at)
      select ${row.unitId}, ${row.code}, ${row.category}, ${row.channel}, ${row.content}, ${row.senderName},
        ${row.senderPhone}, ${row.senderEmail}, ${row.senderHandle}, ${row.shareLocation}, ${row.lat}, ${row.lng},
        ${row.address}, ${row.boxLocation}, ${row.intakeId}, ${row.dedupeKey}, ${row.dueDate},
        coalesce(${row.receivedAt}::timestamptz, now())
      where not exists (select 1 from prior)
      returning code, status, id
    ), reg as (
      insert into feedback_codes (code, unit_id) select code, ${row.unitId} from ins
    )
    select code, status, id, true as created from ins
    union all
    select code, status, id, false as created from prior
  `.execute(trx);
  return result.rows[0];
}

/** Photos go in the same transaction as their item. */
export async function insertPhotos(
  trx: FeedbackTrx,
  unitId: string,
  feedbackId: string,
  photos: Array<{ mime: string; width: number; height: number; bytes: Buffer; keptLocation: boolean }>,
): Promise<void> {
  if (photos.length === 0) return;
  await trx
    .insertInto('feedback_photos')
    .values(photos.map((p) => ({
      unit_id: unitId, feedback_id: feedbackId, mime: p.mime, width: p.width, height: p.height,
      bytes: p.bytes, kept_location: p.keptLocation,
    })))
    .execute();
}

export async function loadDeadlineOverrides(trx: FeedbackTrx) {
  return trx.selectFrom('feedback_deadlines').select(['category', 'working_days', 'remind_days_before']).execute();
}

/**
 * The same insert through `feedback_submit(...)` (migration 0003): one statement in autocommit,
 * so one round trip instead of four (begin, set unit, insert, commit). Used by the hot path
 * (no photos, nothing else in the transaction).
 */
export async function submitInOneStatement(db: Kysely<any>, row: NewFeedbackRow, dedupeWindowSeconds: number): Promise<InsertOutcome> {
  const r = await sql<{ out_id: string; out_code: string; out_status: string; out_created: boolean }>`
    select * from feedback_submit(${row.unitId}::uuid, ${row.code}, ${row.category}, ${row.channel}, ${row.content},
      ${row.senderName}, ${row.senderPhone}, ${row.senderEmail}, ${row.senderHandle}, ${row.shareLocation},
      ${row.lat}::float8, ${row.lng}::float8, ${row.address}, ${row.boxLocation}, ${row.intakeId}::uuid,
      ${row.dedupeKey}, ${dedupeWindowSeconds}::int, ${row.dueDate}::date, ${row.receivedAt}::timestamptz)`.execute(db);
  const o = r.rows[0];
  return { id: o.out_id, code: o.out_code, status: o.out_status, created: o.out_created };
}
