import { sql, type Kysely, type Transaction } from 'kysely';
import type { FastifyRequest } from 'fastify';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the request's unit, then the actor's unit. */
  unitId?: string | null;
}

export interface Actor { id: string | null; name: string; unitId: string | null; ip: string | null }

export function actorOf(req: FastifyRequest): Actor {
  return {
    id: req.staff?.userId ?? null,
    name: req.staff ? `${req.staff.displayName} (${req.staff.username})` : 'công dân',
    unitId: req.unit?.id ?? req.staff?.unitId ?? null,
    ip: req.ip ?? null,
  };
}

/**
 * The user account behind a request or actor, for `*_by` / `actor_id` columns that reference users:
 * null for a citizen and for a bearer token (the token is named in the audit entry's actor name).
 */
export function actorUserId(who: FastifyRequest | Actor): string | null {
  return 'headers' in who ? who.staff?.userId ?? null : who.id;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one entry to the hash-chained audit log, in the caller's transaction so that the entry
 * exists exactly when the change does.
 *
 * @example await audit(trx, req, { action: 'feedback.answer', entity: 'feedback', entityId: id, before, after })
 */
export async function audit(trx: Kysely<any> | Transaction<any>, who: FastifyRequest | Actor, e: AuditEntry): Promise<void> {
  const actor = 'headers' in who ? actorOf(who) : who;
  const unitId = e.unitId === undefined ? actor.unitId : e.unitId;
  await sql`select audit_append(${unitId}::uuid, ${actor.id}::uuid, ${actor.name}, ${e.action}, ${e.entity},
    ${e.entityId == null ? null : String(e.entityId)}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${actor.ip})`.execute(trx);
}

export interface VerifyResult { ok: boolean; checked: number; firstBadId?: number; reason?: string }

/** Walks the chain in order (as the owner) and reports the first row whose hash or link is wrong. */
export async function verifyAuditChain(owner: Kysely<any>): Promise<VerifyResult> {
  let prev = 'genesis';
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; prev_hash: string; hash: string; expected: string }>`
      select a.id, a.prev_hash, a.hash, audit_row_hash(a.prev_hash, a) as expected
      from audit_log a where a.id > ${lastId} order by a.id limit 5000`.execute(owner);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prev) return { ok: false, checked, firstBadId: r.id, reason: 'liên kết với dòng trước bị sai (dòng trước bị sửa hoặc bị xóa)' };
      if (r.hash !== r.expected) return { ok: false, checked, firstBadId: r.id, reason: 'nội dung dòng đã bị sửa' };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
