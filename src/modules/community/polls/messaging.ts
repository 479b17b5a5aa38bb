import { devOutbox, smsSender, type SmsSender } from '../../surveys/index.js';

/**
 * One-time codes leave by SMS (the surveys module's SMS adapter, shared) or by Zalo (Zalo
 * Notification Service: plug a real sender in with `setZaloSender`). Until a real sender is set,
 * the development sender keeps the message in the shared development outbox, which the staff
 * console (`/quan-tri/{unit}/cong-dong/tin-nhan`) shows and tests read.
 */
export type CodeChannel = 'sms' | 'zalo';
interface LogLike { info(obj: object, msg?: string): void }

const state: { zalo: SmsSender | null } = ((globalThis as Record<symbol,
  unknown>)[Symbol.for('thanthien.community.zalo')] ??= { zalo: null }) as never;

export function setZaloSender(sender: SmsSender | null): void {
  state.zalo = sender;
}

export async function sendCode(log: LogLike, channel: CodeChannel, phone: string, text: string): Promise<void> {
  if (channel === 'sms') return smsSender(log).send(phone, text);
  if (state.zalo) return state.zalo.send(phone, text);
  devOutbox.push({ to: phone, text: `[Zalo] ${text}` });
  if (devOutbox.length > 100) devOutbox.shift();
  log.info({ zalo: { to: phone, text } }, 'Zalo (development sender: not delivered)');
}

/** Messages kept by the development senders (newest last); empty once real senders are set. */
export const developmentMessages = (): readonly { to: string; text: string }[] => devOutbox;
