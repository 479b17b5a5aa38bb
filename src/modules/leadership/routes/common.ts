/** Per-request helpers shared by the leadership routes. */
import type { FastifyRequest } from 'fastify';
import { rolesIn } from '../../../core/auth/principal.js';
import { AppError } from '../../../core/errors.js';
import type { Role } from '../../../core/module.js';

/** Cases and conduct reports: leaders and the inspection role. */
export const CASE_ROLES: Role[] = ['leader', 'inspection'];
/** Recording visits, sessions, training: leaders, department officers and inspection. */
export const RECORD_ROLES: Role[] = ['leader', 'department_officer', 'inspection'];

export const STYLE = { styles: ['css/leadership.css'], current: 'lanh-dao' };
export const base = (req: FastifyRequest): string => `/quan-tri/${req.unit!.slug}/lanh-dao`;

export function crumbs(req: FastifyRequest, ...extra: Array<{ label: string; href?: string }>) {
  return [{ label: req.t('core.staff_area'), href: `/quan-tri/${req.unit!.slug}` }, { label: req.t('leadership.title'), href: base(req) }, ...extra];
}

export interface StaffViewer { userId: string; roles: string[]; name: string }
export function viewerOf(req: FastifyRequest): StaffViewer {
  const p = req.staff!;
  return { userId: p.userId ?? `token:${p.username}`, roles: rolesIn(p, req.unit?.id ?? p.unitId), name: p.displayName };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
export function uuidOrNull(v: string | undefined): string | null {
  const s = v?.trim();
  if (!s) return null;
  if (!isUuid(s)) throw AppError.unprocessable('leadership.error.bad_account');
  return s;
}
export function needUuid(v: string): string {
  if (!isUuid(v)) throw AppError.notFound('leadership.error.not_found');
  return v;
}
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const dateOr = (v: string | undefined, fallback: string): string => (v && DATE.test(v.trim()) ? v.trim() : fallback);
export const text = (v: string | undefined): string => (v ?? '').normalize('NFC').trim();
