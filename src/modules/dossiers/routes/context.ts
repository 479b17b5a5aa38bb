import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../../core/audit.js';
import type { Role } from '../../../core/module.js';
import { makeDeps, type DossierDeps, type Officer } from '../service/deps.js';

/** Roles that may move dossiers; viewers and inspectors only read. */
export const WRITE_ROLES: Role[] = ['centre_officer', 'department_officer', 'leader'];
export const READ_ROLES: Role[] = ['centre_officer', 'department_officer', 'leader', 'viewer', 'inspection'];

const depsByApp = new WeakMap<FastifyInstance, DossierDeps>();

/** One set of service dependencies per app instance (the clock is the real one). */
export function depsOf(app: FastifyInstance): DossierDeps {
  let d = depsByApp.get(app);
  if (!d) depsByApp.set(app, (d = { ...makeDeps(app.db), publicUrl: () => app.config.publicUrl }));
  return d;
}

export function officerOf(req: FastifyRequest): Officer {
  return { id: req.staff?.userId ?? null, name: req.staff?.displayName ?? '', actor: actorOf(req) };
}

export type UnitReq = FastifyRequest<{ Params: { unit: string; code?: string; id?: string; file?: string }; Querystring: Record<string, string | undefined> }>;
