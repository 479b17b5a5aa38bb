import { sql, type Kysely, type Transaction } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deriveSecret } from './secrets.js';

/**
 * The audit chain's key: HMAC-SHA256 over each row and the previous hash, with a secret derived
 * from `$DATA_DIR/run/secret.key` (never stored in the database). PostgreSQL computes the HMAC
 * with its built-in sha256() from the key's inner and outer pads, inside `audit_append_keyed`.
 */
export interface AuditKey { ipad: Buffer; opad: Buffer }

export function auditKeyFor(dataDir: string): AuditKey {
  const key = Buffer.alloc(64);
  Buffer.from(deriveSecret(dataDir, 'audit-chain'), 'base64url').copy(key);
  return { ipad: Buffer.from(key.map((b) => b ^ 0x36)), opad: Buffer.from(key.map((b) => b ^ 0x5c)) };
}

let installationKey: AuditKey | null = null;
let installationDir: string | null = null;
/** Set once per process by openRuntime (every CLI command and the server open one). */
export function useAuditKey(dataDir: string): void {
  installationKey = auditKeyFor(dataDir);
  installationDir = dataDir;
}
function currentKey(): AuditKey {
  if (!installationKey) throw new Error('Audit key not loaded: openRuntime() sets it from DATA_DIR.');
  return installationKey;
}

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
  const key = currentKey();
  await sql`select audit_append_keyed(${unitId}::uuid, ${actor.id}::uuid, ${actor.name}, ${e.action}, ${e.entity},
    ${e.entityId == null ? null : String(e.entityId)}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${actor.ip},
    ${key.ipad}, ${key.opad})`.execute(trx);
}

export interface VerifyResult { ok: boolean; checked: number; firstBadId?: number; reason?: string; legacy?: number; anchors?: number }
export interface Anchor { id: number; hash: string; at: string; db: string }

/** Anchors (the chain's head at a moment) live in the data folder, outside the database. */
export const anchorFile = (dataDir: string) => path.join(dataDir, 'run', 'audit-anchors.jsonl');

/** The anchors of one database (a data folder may serve several, e.g. test databases). */
export function readAnchors(dataDir: string, db: string): Anchor[] {
  const file = anchorFile(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).flatMap((l) => {
    try { return [JSON.parse(l) as Anchor]; } catch { return []; }
  }).filter((a) => a.db === db);
}

const databaseName = async (owner: Kysely<any>) => (await sql<{ d: string }>`select current_database() as d`.execute(owner)).rows[0].d;

/**
 * Writes the chain's head (id and hash) to `$DATA_DIR/run/audit-anchors.jsonl` and returns it (the
 * caller logs it too). Rows up to an anchor cannot be removed or rewritten without `audit verify`
 * noticing; rows after the last anchor are protected by the keyed hashes only (a rewrite needs the
 * key; the newest rows could still be cut off until the next anchor).
 */
export async function writeAuditAnchor(owner: Kysely<any>, dataDir: string): Promise<Anchor | null> {
  const { rows } = await sql<{ id: number; hash: string }>`select id, hash from audit_log order by id desc limit 1`.execute(owner);
  if (!rows[0]) return null;
  const db = await databaseName(owner);
  const last = readAnchors(dataDir, db).at(-1);
  const anchor: Anchor = { id: Number(rows[0].id), hash: rows[0].hash, at: new Date().toISOString(), db };
  if (last && last.id === anchor.id && last.hash === anchor.hash) return last;
  mkdirSync(path.dirname(anchorFile(dataDir)), { recursive: true, mode: 0o700 });
  appendFileSync(anchorFile(dataDir), JSON.stringify(anchor) + '\n', { mode: 0o600 });
  return anchor;
}

/**
 * Walks the chain in order (as the owner) and reports the first row whose hash or link is wrong.
 * Keyed rows are checked with the installation's key; rows written before keyed hashes existed
 * (`keyed = false`) are accepted only before the first keyed row. Then every anchor must still
 * match: a missing anchored row means the log was cut, a different hash that it was rewritten.
 */
export async function verifyAuditChain(owner: Kysely<any>, opts: { dataDir?: string; key?: AuditKey } = {}): Promise<VerifyResult> {
  const dataDir = opts.dataDir ?? installationDir;
  const key = opts.key ?? (dataDir ? auditKeyFor(dataDir) : currentKey());
  const anchors = dataDir ? readAnchors(dataDir, await databaseName(owner)) : [];
  const byId = new Map(anchors.map((a) => [Number(a.id), a]));
  let prev = 'genesis';
  let lastId = 0;
  let checked = 0;
  let legacy = 0;
  let keyedSeen = false;
  const seen = new Set<number>();
  for (;;) {
    const { rows } = await sql<{ id: number; prev_hash: string; hash: string; keyed: boolean; expected: string }>`
      select a.id, a.prev_hash, a.hash, a.keyed,
        case when a.keyed then audit_row_hmac(${key.ipad}, ${key.opad}, a.prev_hash, a) else audit_row_hash(a.prev_hash, a) end as expected
      from audit_log a where a.id > ${lastId} order by a.id limit 5000`.execute(owner);
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = Number(r.id);
      if (r.prev_hash !== prev) return { ok: false, checked, firstBadId: id, reason: 'liên kết với dòng trước bị sai (dòng trước bị sửa hoặc bị xóa)' };
      if (!r.keyed && keyedSeen) return { ok: false, checked, firstBadId: id, reason: 'dòng không có khóa xuất hiện sau các dòng có khóa (bị ghi lại)' };
      if (r.hash !== r.expected) return { ok: false, checked, firstBadId: id, reason: 'nội dung dòng đã bị sửa' };
      const anchor = byId.get(id);
      if (anchor && anchor.hash !== r.hash) return { ok: false, checked, firstBadId: id, reason: `khác với mốc neo ghi lúc ${anchor.at} (nhật ký bị ghi lại)` };
      keyedSeen ||= r.keyed;
      if (!r.keyed) legacy++;
      seen.add(id);
      prev = r.hash;
      lastId = id;
      checked++;
    }
  }
  const cut = anchors.find((a) => !seen.has(Number(a.id)));
  if (cut) {
    return { ok: false, checked, firstBadId: Number(cut.id), reason: `thiếu dòng #${cut.id} đã được neo lúc ${cut.at} (nhật ký bị cắt hoặc bị xóa)`, legacy, anchors: anchors.length };
  }
  return { ok: true, checked, legacy, anchors: anchors.length };
}

/** A page of the unit's audit log, newest first, and the number of entries (run inside withUnit). */
export async function auditLogPage(trx: Kysely<any> | Transaction<any>, limit: number, offset: number) {
  const rows = await trx.selectFrom('audit_log').select(['id', 'at', 'actor_name', 'action', 'entity', 'entity_id'])
    .orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const { n } = await trx.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
