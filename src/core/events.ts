import { sql, type Kysely, type Transaction } from 'kysely';

export interface DomainEvent<T = any> { id: string; unitId: string | null; type: string; payload: T }
type Handler = (e: DomainEvent) => Promise<void>;

const handlers = new Map<string, Handler[]>();

/** Registers a handler for an event type (at module load). Handlers must be idempotent. */
export function onEvent<T = any>(type: string, handler: (e: DomainEvent<T>) => Promise<void>): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler as Handler]);
}

/**
 * Records an event in the outbox within the caller's transaction; it is dispatched after commit
 * (at least once) by the outbox worker.
 */
export async function emitEvent(trx: Kysely<any> | Transaction<any>, e: { unitId: string | null; type: string; payload: unknown }): Promise<void> {
  await sql`insert into outbox (unit_id, kind, payload) values (${e.unitId}, ${'event:' + e.type}, ${JSON.stringify(e.payload)}::jsonb)`.execute(trx);
  await sql`select pg_notify('thanthien_outbox', '')`.execute(trx);
}

export async function dispatchEvent(e: DomainEvent): Promise<void> {
  for (const h of handlers.get(e.type) ?? []) await h(e);
}
