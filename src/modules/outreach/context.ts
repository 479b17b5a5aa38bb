import type { FastifyRequest } from 'fastify';
import { str, unitOf } from '../../core/http/forms.js';
import { withUnit } from '../../core/tenancy.js';
import type { Trx } from './repo-letters.js';

/** Runs `fn` in a transaction scoped to the request's unit (RLS). */
export const inUnit = <T>(req: FastifyRequest, fn: (trx: Trx) => Promise<T>): Promise<T> =>
  withUnit(req.server.db, unitOf(req).id, fn);

export const staffBase = (req: FastifyRequest, path = '') => `/quan-tri/${unitOf(req).slug}/${path}`.replace(/\/$/, '');

/** Roles that write letters and run the outreach registers. */
export const WRITER_ROLES = ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison'] as const;
export const READER_ROLES = [...WRITER_ROLES, 'viewer', 'inspection'] as const;

export const intOrNull = (v: unknown): number | null => {
  const s = str(v);
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
};

export const staffName = (req: FastifyRequest): string | null => req.staff?.displayName ?? req.staff?.username ?? null;
