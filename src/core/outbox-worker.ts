import { sql, type Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { dispatchEvent } from './events.js';
import type { Realtime } from './realtime.js';

interface Row { id: string; unit_id: string | null; kind: string; payload: any; attempts: number }
interface Log { warn(o: unknown, m?: string): void; info(o: unknown, m?: string): void }

const MAX_ATTEMPTS = 8;

/** Delivers outbox rows (emails, events) after their transaction committed. At least once. */
export function startOutboxWorker(owner: Kysely<any>, transport: Transporter, from: string, realtime: Realtime, log: Log) {
  let running = false;
  let again = false;
  let stopped = false;

  const deliver = async (r: Row) => {
    if (r.kind === 'email') {
      const info = await transport.sendMail({ from, ...r.payload });
      if ((transport.options as any).jsonTransport) log.info({ to: r.payload.to, subject: r.payload.subject, message: (info as any).message }, 'email (no SMTP_URL: logged, not sent)');
    } else if (r.kind.startsWith('event:')) {
      await dispatchEvent({ id: r.id, unitId: r.unit_id, type: r.kind.slice(6), payload: r.payload });
    }
  };

  const drainOnce = async (): Promise<number> => owner.transaction().execute(async (trx) => {
    const { rows } = await sql<Row>`select id, unit_id, kind, payload, attempts from outbox
      where status = 'pending' order by created_at limit 50 for update skip locked`.execute(trx);
    for (const r of rows) {
      try {
        await deliver(r);
        await sql`update outbox set status = 'sent', sent_at = now(), attempts = attempts + 1 where id = ${r.id}`.execute(trx);
      } catch (err) {
        const failed = r.attempts + 1 >= MAX_ATTEMPTS;
        log.warn({ err, id: r.id, kind: r.kind }, 'outbox delivery failed');
        await sql`update outbox set attempts = attempts + 1, last_error = ${String((err as Error)?.message ?? err)},
          status = ${failed ? 'failed' : 'pending'} where id = ${r.id}`.execute(trx);
      }
    }
    return rows.length;
  });

  const drain = async () => {
    if (stopped) return;
    if (running) { again = true; return; }
    running = true;
    try {
      do { again = false; } while ((await drainOnce()) === 50 || again);
    } catch (err) {
      log.warn({ err }, 'outbox worker error');
    } finally {
      running = false;
    }
  };

  const timer = setInterval(() => { void drain(); }, 5000);
  timer.unref();
  void realtime.subscribe('thanthien_outbox', () => { void drain(); });
  void drain();
  return {
    drain,
    stop() { stopped = true; clearInterval(timer); },
  };
}
