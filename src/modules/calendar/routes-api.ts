/**
 * GET /api/v1/calendar/due and GET /api/v1/calendar/holidays (public, no login).
 * Parameters are parsed here, not by the schema, so that each mistake gets its own
 * Vietnamese message (400) instead of a generic validation error.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { findUnitBySlug } from '../../core/http/request-context.js';
import type { UnitInfo } from '../../core/types.js';
import { dueDate, isIsoDate, vnDateOf } from '../../lib/vn-calendar/index.js';
import { getUnitCutoff, getWorkCalendar } from './service.js';

const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_DAYS = 365;

const DueQuery = Type.Object({
  start: Type.Optional(Type.String({ maxLength: 64 })),
  working_days: Type.Optional(Type.String({ maxLength: 12 })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
});
const HolidaysQuery = Type.Object({
  year: Type.Optional(Type.String({ maxLength: 12 })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
});
const Skipped = Type.Object({ date: Type.String(), reason: Type.String(), reason_en: Type.String() });
const DueResponse = Type.Object({
  due: Type.String({ description: 'Ngày hết hạn (YYYY-MM-DD)' }),
  skipped: Type.Array(Skipped),
  received_on: Type.String({ description: 'Ngày bắt đầu tính (ngày tiếp nhận, hoặc ngày làm việc kế tiếp)' }),
  working_days: Type.Integer(),
  unit: Type.Union([Type.String(), Type.Null()]),
  cutoff: Type.Union([Type.String(), Type.Null()]),
});
const Day = Type.Object({ date: Type.String(), name_vi: Type.String(), name_en: Type.String(), kind: Type.String() });
const HolidaysResponse = Type.Object({
  year: Type.Integer(), confirmed: Type.Boolean(), generated: Type.Boolean(), source: Type.String(),
  days_off: Type.Array(Day),
  working_saturdays: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() })),
});
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

/** An ISO date or date-time; without an offset it is a wall-clock time in Vietnam (UTC+7). */
export function parseStart(raw: string | undefined): Date | null {
  const m = ISO_INSTANT.exec(raw?.trim() ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1901 || year > 2099) return null;
  const text = raw!.trim();
  if (!isIsoDate(text.slice(0, 10))) return null; // 2026-02-30 would roll over to March
  const withZone = text.length === 10 ? `${text}T00:00:00+07:00` : m[2] ? text : `${text}+07:00`;
  const at = new Date(withZone);
  return Number.isFinite(at.getTime()) ? at : null;
}

function parseInteger(raw: string | undefined, min: number, max: number): number | null {
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : null;
}

async function unitOf(app: FastifyInstance, req: FastifyRequest, slug: string | undefined): Promise<UnitInfo | null> {
  if (!slug) return null;
  const unit = await findUnitBySlug(app, slug);
  if (!unit) throw AppError.notFound(req.t('calendar.api.unknown_unit'));
  return unit;
}

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['Lịch làm việc'];
  app.get('/api/v1/calendar/due', {
    schema: {
      tags, summary: 'Tính ngày hết hạn theo ngày làm việc (RULES-VN §2.2)', querystring: DueQuery,
      response: { 200: DueResponse, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (req: FastifyRequest<{ Querystring: Static<typeof DueQuery> }>) => {
    const start = parseStart(req.query.start);
    if (!start) throw AppError.badRequest(req.t('calendar.api.bad_start'));
    const n = parseInteger(req.query.working_days, 0, MAX_DAYS);
    if (n === null) throw AppError.badRequest(req.t('calendar.api.bad_days'));
    const unit = await unitOf(app, req, req.query.unit);
    const cutoff = unit ? await getUnitCutoff(app.db, unit.id) : undefined;
    const r = dueDate(await getWorkCalendar(app.db, unit?.id), { acceptedAt: start, workingDays: n, cutoff });
    return {
      due: r.due as string, skipped: r.skipped, received_on: r.receivedOn, working_days: n,
      unit: unit?.slug ?? null, cutoff: cutoff ?? null,
    };
  });

  app.get('/api/v1/calendar/holidays', {
    schema: {
      tags, summary: 'Ngày nghỉ lễ, Tết và ngày làm bù của một năm', querystring: HolidaysQuery,
      response: { 200: HolidaysResponse, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (req: FastifyRequest<{ Querystring: Static<typeof HolidaysQuery> }>) => {
    const year = req.query.year === undefined ? Number(vnDateOf(new Date()).slice(0, 4)) : parseInteger(req.query.year, 1901, 2100);
    if (year === null) throw AppError.badRequest(req.t('calendar.api.bad_year'));
    const unit = await unitOf(app, req, req.query.unit);
    const t = (await getWorkCalendar(app.db, unit?.id)).holidaysOf(year);
    return {
      year: t.year, confirmed: t.confirmed, generated: t.generated === true, source: t.source,
      days_off: t.days_off, working_saturdays: t.working_saturdays,
    };
  });
}
