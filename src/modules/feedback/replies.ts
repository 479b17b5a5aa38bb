/** Delivering an answer by the channel the citizen used. */
import { enqueueEmail } from '../../core/mail.js';
import { isMessagingChannel } from './categories.js';
import type { FeedbackTrx } from './types.js';

export interface ReplyTarget {
  id: string;
  unit_id: string;
  code: string;
  channel: string;
  sender_email: string | null;
  sender_phone: string | null;
  sender_handle: string | null;
}

export type ReplyRoute =
  | { kind: 'email'; to: string }
  | { kind: 'message'; channel: 'sms' | 'zalo' | 'facebook'; recipient: string }
  | { kind: 'status_page_only' };

/** Email first when there is an address; else the messaging channel used; else SMS to the phone. */
export function replyRoute(t: ReplyTarget): ReplyRoute {
  if (t.sender_email) return { kind: 'email', to: t.sender_email };
  if (isMessagingChannel(t.channel) && t.sender_handle) return { kind: 'message', channel: t.channel, recipient: t.sender_handle };
  if (t.sender_phone) return { kind: 'message', channel: 'sms', recipient: t.sender_phone };
  return { kind: 'status_page_only' };
}

/** An answer, or the reason an item is not taken up: both reach the citizen by the same path. */
export type ReplyKind = 'answer' | 'reject';

export interface ReplyText {
  subject: string;
  body: string;
}

/** Queue the reply in the same transaction as the answer; workers deliver after commit. */
export async function queueReply(trx: FeedbackTrx, t: ReplyTarget, text: ReplyText): Promise<ReplyRoute> {
  const route = replyRoute(t);
  if (route.kind === 'email') {
    await enqueueEmail(trx, { unitId: t.unit_id, to: route.to, subject: text.subject, text: text.body });
  } else if (route.kind === 'message') {
    await trx.insertInto('feedback_outbound').values({
      unit_id: t.unit_id, feedback_id: t.id, channel: route.channel, recipient: route.recipient, body: text.body,
    }).execute();
  }
  return route;
}
