import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';
import * as repo from './repo.js';

/** `?nam=` (pages) or `?year=` (API), between 2020 and next year; the current year when absent. */
export function yearParam(query: unknown, now = new Date()): number {
  const q = (query ?? {}) as Record<string, unknown>;
  const raw = q.year ?? q.nam;
  if (raw === undefined || raw === '') return vnYearOf(now);
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2020 || year > vnYearOf(now) + 1) throw AppError.badRequest('scoring.error.bad_year');
  return year;
}

/** The full unit row of the request (settings, parent) for the scoring service. */
export async function unitRowOf(req: FastifyRequest): Promise<repo.UnitRow> {
  if (!req.unit) throw AppError.notFound();
  const row = await repo.unitById(req.server.db, req.unit.id);
  if (!row) throw AppError.notFound();
  return row;
}

export const langOf = (req: FastifyRequest): 'vi' | 'en' => (req.lang === 'en' ? 'en' : 'vi');
