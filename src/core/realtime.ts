import pg from 'pg';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Listener = (payload: any) => void;

export interface Realtime {
  /** Subscribes to a channel; returns an unsubscribe function. */
  subscribe(channel: string, listener: Listener): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * Sends `payload` (JSON) on `channel` when the transaction commits, to every app instance.
 * Payloads must stay under PostgreSQL's 8000-byte limit: send ids, not documents.
 */
export async function notify(trx: Kysely<any> | Transaction<any>, channel: string, payload: unknown): Promise<void> {
  await sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`.execute(trx);
}

/** One LISTEN connection per app instance, shared by all subscribers; reconnects after a failure. */
export function createRealtime(connectionString: string, log: { warn(o: unknown, m?: string): void }): Realtime {
  const listeners = new Map<string, Set<Listener>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    if (connecting) return connecting;
    connecting = (async () => {
      const c = new pg.Client({ connectionString, application_name: 'thanthien-listen' });
      c.on('notification', (n) => {
        const set = listeners.get(n.channel);
        if (!set) return;
        let data: unknown = n.payload;
        try { data = JSON.parse(n.payload ?? 'null'); } catch { /* plain text payload */ }
        for (const l of set) l(data);
      });
      c.on('error', (err) => {
        log.warn({ err }, 'LISTEN connection lost; reconnecting');
        client = null;
        if (!closed) setTimeout(() => { void resubscribeAll(); }, 500);
      });
      await c.connect();
      client = c;
      connecting = null;
      return c;
    })();
    return connecting;
  };

  const resubscribeAll = async () => {
    try {
      const c = await connect();
      for (const ch of listeners.keys()) await c.query(`listen ${c.escapeIdentifier(ch)}`);
    } catch (err) {
      connecting = null;
      if (!closed) setTimeout(() => { void resubscribeAll(); }, 1000);
    }
  };

  return {
    async subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        const c = await connect();
        await c.query(`listen ${c.escapeIdentifier(channel)}`);
      }
      set.add(listener);
      return () => { set!.delete(listener); };
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
