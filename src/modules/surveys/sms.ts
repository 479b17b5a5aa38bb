/**
 * SMS delivery for survey one-time codes.
 *
 * A real gateway (a telecom's brandname SMS API, an aggregator such as an eSMS/SpeedSMS-style
 * HTTP service) plugs in here: implement `SmsSender` and call `setSmsSender()` once at start-up,
 * for example from a small local module loaded before the app starts. Until then the development
 * sender writes the message to the log, which is how tests and the demo read the code.
 */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

interface LogLike { info(obj: object, msg?: string): void }

export const logSmsSender = (log: LogLike): SmsSender => ({
  async send(to, text) {
    log.info({ sms: { to, text } }, 'SMS (development sender: not delivered)');
  },
});

// Kept on globalThis so that the app and a test see the same sender even if the module is
// loaded twice (the module loader imports index.ts by file URL).
const state: { current: SmsSender | null; outbox: { to: string; text: string }[] } =
  ((globalThis as Record<symbol, unknown>)[Symbol.for('thanthien.surveys.sms')] ??= { current: null, outbox: [] }) as never;

/** Messages sent by the development sender, newest last (tests read codes from here). */
export const devOutbox = state.outbox;

export function setSmsSender(sender: SmsSender | null): void {
  state.current = sender;
}

export function smsSender(log: LogLike): SmsSender {
  if (state.current) return state.current;
  const logger = logSmsSender(log);
  return {
    async send(to, text) {
      devOutbox.push({ to, text });
      if (devOutbox.length > 100) devOutbox.shift();
      await logger.send(to, text);
    },
  };
}
