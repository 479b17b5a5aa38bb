/**
 * Who may see the identity of a complainant, denouncer or conduct reporter (Law on
 * Denunciations 2018 art. 47–48): the handler of the case and the head of the unit, nobody else
 * (not the official concerned, not other leaders, not exports). Every read is audited in the
 * reading transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { audit, type Actor } from '../../core/audit.js';
import type { FastifyRequest } from 'fastify';

export type OwnerKind = 'case' | 'conduct_report' | 'reception_entry';

export interface Identity { id: string; name: string | null; phone: string | null; email: string | null; address: string | null; id_number: string | null }
export interface Viewer { userId: string }
export interface Guarded { handler_id: string | null; concerned_official_id?: string | null; official_id?: string | null }

type Db = Kysely<any> | Transaction<any>;

/** Pure rule: the handler or the head, and never the official the matter is about. */
export function canSeeIdentity(viewer: Viewer, item: Guarded, headUserId: string | null): boolean {
  const concerned = item.concerned_official_id ?? item.official_id ?? null;
  if (concerned && concerned === viewer.userId) return false;
  return viewer.userId === item.handler_id || (headUserId !== null && viewer.userId === headUserId);
}

/**
 * Who may assign, classify or convert a conduct report: the head (or, while no head is designated,
 * a leader), and never the official it is about, who could otherwise make themselves its handler.
 */
export function canManageReport(viewer: Viewer & { roles: string[] }, item: Guarded, headUserId: string | null): boolean {
  const concerned = item.concerned_official_id ?? item.official_id ?? null;
  if (concerned && concerned === viewer.userId) return false;
  return headUserId ? viewer.userId === headUserId : viewer.roles.includes('leader');
}

export const REDACTED = 'Thông tin được giữ bí mật';

/** The identities of one owner, for a permitted viewer; the read itself is audited. */
export async function readIdentities(trx: Db, who: FastifyRequest | Actor, kind: OwnerKind, ownerId: string): Promise<Identity[]> {
  const rows = await trx.selectFrom('leadership_identities').select(['id', 'name', 'phone', 'email', 'address', 'id_number'])
    .where('owner_kind', '=', kind).where('owner_id', '=', ownerId).orderBy('id').execute() as Identity[];
  await audit(trx, who, { action: 'leadership.identity_view', entity: `leadership_${kind}`, entityId: ownerId, after: { count: rows.length } });
  return rows;
}

export async function countIdentities(trx: Db, kind: OwnerKind, ownerId: string): Promise<number> {
  const r = await trx.selectFrom('leadership_identities').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_kind', '=', kind).where('owner_id', '=', ownerId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The names on record for each owner, joined by ", " (owners without a name are absent). */
export async function identityNamesByOwner(trx: Db, kind: OwnerKind, ownerIds: string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ owner_id: string; names: string }>`select owner_id, string_agg(name, ', ') as names
      from leadership_identities
      where owner_kind = ${kind} and owner_id = any(${ownerIds}::uuid[]) group by owner_id`.execute(trx);
  return new Map(rows.map((r) => [r.owner_id, r.names]));
}

export async function insertIdentity(trx: Db, unitId: string, kind: OwnerKind, ownerId: string, p: Omit<Identity, 'id'>): Promise<void> {
  await trx.insertInto('leadership_identities').values({ unit_id: unitId, owner_kind: kind, owner_id: ownerId, ...p }).execute();
}

/** The unit's head (explicit unit: owner connections in jobs and seeds are not limited by RLS). */
export async function headOf(trx: Db, unitId: string): Promise<string | null> {
  const r = await trx.selectFrom('leadership_settings').select('head_user_id').where('unit_id', '=', unitId).executeTakeFirst();
  return (r?.head_user_id as string | null) ?? null;
}

export async function isRemoteArea(trx: Db, unitId: string): Promise<boolean> {
  const r = await trx.selectFrom('leadership_settings').select('remote_area').where('unit_id', '=', unitId).executeTakeFirst();
  return Boolean(r?.remote_area);
}
