import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { withUnit } from '../../core/tenancy.js';
import type { Role } from '../../core/module.js';
import { findProcedureRow } from './repo.js';
import type { Procedure } from './types.js';

export const EDITOR_ROLES: Role[] = ['admin', 'leader', 'centre_officer'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The procedure named by `:id` in a staff route, or 404. */
export async function loadForStaff(app: FastifyInstance, req: FastifyRequest): Promise<Procedure> {
  const id = (req.params as { id: string }).id;
  if (!UUID.test(id)) throw AppError.notFound();
  const p = await withUnit(app.db, req.unit!.id, (trx) => findProcedureRow(trx, req.unit!.id, id));
  if (!p) throw AppError.notFound('catalogue.api.not_found');
  return p;
}
