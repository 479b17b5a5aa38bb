/**
 * Parsers for the webhook payloads of the messaging channels (documented in
 * docs/feedback-channels.md). Each returns the messages it found, or an error key.
 */
import { isMessagingChannel, type MessagingChannel } from '../categories.js';

export interface InboundMessage {
  channel: MessagingChannel;
  /** Phone number (SMS) or platform user id (Zalo, Facebook): where replies go. */
  from: string;
  text: string;
  /** The platform's message id, used as idempotency key so retried webhooks do not duplicate. */
  messageId: string | null;
  receivedAt: Date | null;
  senderName: string | null;
}

export type ParseResult = { ok: true; messages: InboundMessage[] } | { ok: false; error: string };

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const when = (v: unknown): Date | null => {
  if (v === undefined || v === null || v === '') return null;
  const d = typeof v === 'number' || /^\d+$/.test(String(v)) ? new Date(Number(v)) : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Generic SMS gateway: `{ from, text, messageId?, receivedAt? }`. */
function parseSms(body: Obj): ParseResult {
  const from = textOrNull(body.from);
  const text = textOrNull(body.text);
  if (!from || !text) return { ok: false, error: 'feedback.inbound.smsFields' };
  return { ok: true, messages: [{ channel: 'sms', from, text, messageId: textOrNull(body.messageId), receivedAt: when(body.receivedAt), senderName: null }] };
}

/** Zalo Official Account webhook, event `user_send_text`; other events are acknowledged and ignored. */
function parseZalo(body: Obj): ParseResult {
  if (body.event_name !== 'user_send_text') return { ok: true, messages: [] };
  const from = textOrNull(body.sender?.id);
  const text = textOrNull(body.message?.text);
  if (!from || !text) return { ok: false, error: 'feedback.inbound.zaloFields' };
  return {
    ok: true,
    messages: [{ channel: 'zalo', from, text, messageId: textOrNull(body.message?.msg_id), receivedAt: when(body.timestamp), senderName: null }],
  };
}

/** Facebook Messenger page webhook: `{ object: 'page', entry: [{ messaging: [...] }] }`; text messages only. */
function parseFacebook(body: Obj): ParseResult {
  if (body.object !== 'page' || !Array.isArray(body.entry)) return { ok: false, error: 'feedback.inbound.facebookFields' };
  const messages: InboundMessage[] = [];
  for (const entry of body.entry) {
    for (const m of Array.isArray(entry?.messaging) ? entry.messaging : []) {
      const from = textOrNull(m?.sender?.id);
      const text = textOrNull(m?.message?.text);
      if (!from || !text || m?.message?.is_echo) continue;
      messages.push({ channel: 'facebook', from, text, messageId: textOrNull(m.message.mid), receivedAt: when(m.timestamp), senderName: null });
    }
  }
  return { ok: true, messages };
}

export function parseInbound(channel: string, body: unknown): ParseResult {
  if (!isMessagingChannel(channel)) return { ok: false, error: 'feedback.inbound.channel' };
  if (!isObj(body)) return { ok: false, error: 'feedback.inbound.body' };
  if (channel === 'sms') return parseSms(body);
  if (channel === 'zalo') return parseZalo(body);
  return parseFacebook(body);
}
