import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors.js';
import { unitOf } from '../../core/http/forms.js';
import { hasRole } from '../../core/http/guards.js';
import type { Role } from '../../core/module.js';
import { deriveSecret } from '../../core/secrets.js';
import { withUnit } from '../../core/tenancy.js';
import { cccdKeys, type CccdKeys } from './households/cccd-crypto.js';

export type Trx = Transaction<any>;

/** Per-app secrets of the community module. */
export interface CommunityContext { keys: CccdKeys; otpSecret: string; publicUrl: () => string }

export function communityContext(app: FastifyInstance): CommunityContext {
  return { keys: cccdKeys(app.config.dataDir), otpSecret: deriveSecret(app.config.dataDir, 'community.otp'),
    publicUrl: () => app.config.publicUrl };
}

/** Ward staff who manage every group; group heads (community_group_heads) manage their own. */
export const WARD_ROLES: Role[] = ['admin', 'leader', 'department_officer', 'mass_org_liaison'];
/** Who may open the community staff pages at all (group heads are often viewer accounts). */
export const READ_ROLES: Role[] = [...WARD_ROLES, 'viewer', 'inspection', 'centre_officer'];

export const inUnit = <T>(req: FastifyRequest, fn: (trx: Trx) => Promise<T>): Promise<T> => withUnit<T>(req.server.db, unitOf(req).id, fn);

export const staffBase = (req: FastifyRequest) => `/quan-tri/${unitOf(req).slug}/cong-dong`;

/** The groups this staff member may edit: 'all' for ward staff, else the groups they head. */
export async function editableGroups(trx: Trx, req: FastifyRequest): Promise<'all' | Set<string>> {
  if (hasRole(req, WARD_ROLES)) return 'all';
  if (!req.staff?.userId) return new Set();
  const rows = await trx.selectFrom('community_group_heads').select('group_id').where('user_id', '=', req.staff.userId).execute();
  return new Set(rows.map((r: { group_id: string }) => r.group_id));
}

export const canEdit = (scope: 'all' | Set<string>, groupId: string) => scope === 'all' || scope.has(groupId);

export function requireGroup(scope: 'all' | Set<string>, groupId: string): void {
  if (!canEdit(scope, groupId)) throw AppError.forbidden('community.error.own_group_households');
}

export const isUuid = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f-]{36}$/i.test(s);

