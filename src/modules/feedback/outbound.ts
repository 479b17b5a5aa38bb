/** Delivering queued replies through the messaging adapters (run by the `feedback-outbound` job). */
import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { isMessagingChannel, type MessagingChannel } from './categories.js';
import type { MessagingAdapter } from './channels/adapters.js';
import { asFeedbackTrx } from './types.js';

const MAX_ATTEMPTS = 5;

/** Queues a reply to the sender of a message (delivered by `deliverPending`). */
export async function queueOutbound(db: Kysely<any>, unitId: string,
  m: { feedbackId: string; channel: string; recipient: string; body: string }): Promise<void> {
  await withUnit(db, unitId, (raw) => asFeedbackTrx(raw).insertInto('feedback_outbound').values({
    unit_id: unitId, feedback_id: m.feedbackId, channel: m.channel, recipient: m.recipient, body: m.body,
  }).execute());
}

/** Sends up to `limit` pending messages of one unit; returns how many were delivered. */
export async function deliverPending(
  db: Kysely<any>, unitId: string, adapters: Record<MessagingChannel, MessagingAdapter>, limit = 50,
): Promise<number> {
  return withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const rows = await trx.selectFrom('feedback_outbound').selectAll()
      .where('status', '=', 'pending').where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('created_at').limit(limit).forUpdate().skipLocked().execute();
    let delivered = 0;
    for (const row of rows) {
      if (!isMessagingChannel(row.channel)) continue;
      try {
        const outcome = await adapters[row.channel].send(row.recipient, row.body);
        await trx.updateTable('feedback_outbound').set({ status: outcome, sent_at: new Date(), attempts: row.attempts + 1 })
          .where('id', '=', row.id).execute();
        delivered++;
      } catch (err) {
        await trx.updateTable('feedback_outbound')
          .set({ attempts: row.attempts + 1, last_error: String((err as Error).message).slice(0, 500), status: row.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending' })
          .where('id', '=', row.id).execute();
      }
    }
    return delivered;
  });
}
