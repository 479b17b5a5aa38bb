/**
 * Outbound messaging adapters (SMS, Zalo, Facebook) behind one interface. A unit configures a
 * provider endpoint per channel through the environment:
 *   FEEDBACK_SMS_URL, FEEDBACK_ZALO_URL, FEEDBACK_FACEBOOK_URL  (HTTPS endpoint of the provider
 *   or of a relay), FEEDBACK_<CHANNEL>_TOKEN (sent as a bearer token).
 * Without an endpoint the message is written to the log and marked `logged`: nothing is lost.
 */
import type { MessagingChannel } from '../categories.js';

export interface MessagingAdapter {
  channel: MessagingChannel;
  /** Resolves when the provider accepted the message; throws otherwise. */
  send(recipient: string, text: string): Promise<'sent' | 'logged'>;
}

/** Posts `{ channel, recipient, text }` as JSON — the shape documented in docs/feedback-channels.md. */
export function httpAdapter(channel: MessagingChannel, url: string, token?: string): MessagingAdapter {
  return {
    channel,
    async send(recipient, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ channel, recipient, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`${channel} provider answered ${res.status}`);
      return 'sent';
    },
  };
}

export function logAdapter(channel: MessagingChannel, log: (o: object, msg: string) => void): MessagingAdapter {
  return {
    channel,
    async send(recipient, text) {
      log({ channel, recipient, length: text.length }, 'feedback reply (no provider configured)');
      return 'logged';
    },
  };
}

export function adaptersFromEnv(env: NodeJS.ProcessEnv, log: (o: object, msg: string) => void): Record<MessagingChannel, MessagingAdapter> {
  const make = (channel: MessagingChannel) => {
    const key = channel.toUpperCase();
    const url = env[`FEEDBACK_${key}_URL`];
    return url ? httpAdapter(channel, url, env[`FEEDBACK_${key}_TOKEN`]) : logAdapter(channel, log);
  };
  return { sms: make('sms'), zalo: make('zalo'), facebook: make('facebook') };
}
