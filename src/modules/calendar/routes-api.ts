/**
 * GET /api/v1/calendar/due and GET /api/v1/calendar/holidays (public, no login).
 * `due` takes exactly one limit: working_days, calendar_days, working_hours or same_day=1
 * (docs/deadlines.md); the ward's office hours and cut-off apply to `start`.
 * Parameters are parsed here, not by the schema, so that each mistake gets its own
 * Vietnamese message (400) instead of a generic validation error.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { findUnitBySlug } from '../../core/http/request-context.js';
import type { UnitInfo } from '../../core/types.js';
import {
  type TimeLimit, MAX_LIMIT, computeDeadline, formatWorkingHours, nationalRules, parseClock, parseVnIsoInstant, vnIsoString, vnYearOf,
} from '../../lib/vn-calendar/index.js';
import { getDeadlineRules, getWorkCalendar } from './service.js';

const MAX_DAYS = 365;

const DueQuery = Type.Object({
  start: Type.Optional(Type.String({ maxLength: 64 })),
  working_days: Type.Optional(Type.String({ maxLength: 12, description: 'Số ngày làm việc' })),
  calendar_days: Type.Optional(Type.String({ maxLength: 12, description: 'Số ngày (tính cả ngày nghỉ; BLDS Điều 147, 148)' })),
  working_hours: Type.Optional(Type.String({ maxLength: 12, description: 'Số giờ làm việc' })),
  same_day: Type.Optional(Type.String({ maxLength: 4, description: '1 = giải quyết trong ngày' })),
  cutoff: Type.Optional(Type.String({ maxLength: 5, description: 'Giờ chốt của thủ tục HH:MM (mặc định 15:00 với same_day)' })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
});
const HolidaysQuery = Type.Object({
  year: Type.Optional(Type.String({ maxLength: 12 })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
});
const Skipped = Type.Object({ date: Type.String(), reason: Type.String(), reason_en: Type.String() });
const DueResponse = Type.Object({
  due: Type.String({ description: 'Thời điểm hết hạn (ISO 8601, giờ Việt Nam +07:00)' }),
  due_date: Type.String({ description: 'Ngày hết hạn (YYYY-MM-DD)' }),
  confidence: Type.String({ description: 'official | expected | computed: độ tin cậy của lịch nghỉ các năm đi qua' }),
  unconfirmed_years: Type.Array(Type.Integer()),
  explanation: Type.Object({ vi: Type.Array(Type.String()), en: Type.Array(Type.String()), skipped: Type.Array(Skipped) }),
  skipped: Type.Array(Skipped),
  received_on: Type.String({ description: 'Ngày bắt đầu tính (ngày tiếp nhận, hoặc ngày làm việc kế tiếp)' }),
  counted_from: Type.String({ description: 'Thời điểm bắt đầu tính (sau khi áp dụng giờ làm việc, giờ chốt)' }),
  limit: Type.Object({ kind: Type.String(), value: Type.Integer() }),
  working_days: Type.Optional(Type.Integer()),
  unit: Type.Union([Type.String(), Type.Null()]),
  cutoff: Type.Union([Type.String(), Type.Null()]),
  procedure_cutoff: Type.Union([Type.String(), Type.Null()]),
  working_hours: Type.String(),
});
const Day = Type.Object({ date: Type.String(), name_vi: Type.String(), name_en: Type.String(), kind: Type.String() });
const HolidaysResponse = Type.Object({
  year: Type.Integer(), confirmed: Type.Boolean(), confidence: Type.String(), generated: Type.Boolean(), source: Type.String(),
  days_off: Type.Array(Day),
  working_saturdays: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() })),
});
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

/** An ISO date or date-time; without an offset it is a wall-clock time in Vietnam (UTC+7). */
export function parseStart(raw: string | undefined): Date | null {
  const at = parseVnIsoInstant(raw ?? '');
  const year = Number(raw?.trim().slice(0, 4));
  return at && year >= 1901 && year <= 2099 ? at : null;
}

function parseInteger(raw: string | undefined, min: number, max: number): number | null {
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : null;
}

/** Civil status and certification "trong ngày": received after 15:00 → next working day (RULES-VN §2.2). */
const SECTOR_CUTOFF = '15:00';
const LIMIT_PARAMS = [
  ['working_days', 'working_days', MAX_DAYS], ['calendar_days', 'calendar_days', MAX_DAYS],
  ['working_hours', 'working_hours', MAX_LIMIT.working_hours],
] as const;

/** Exactly one of working_days, calendar_days, working_hours, same_day=1; else 400. */
function parseLimit(req: FastifyRequest, q: Static<typeof DueQuery>): TimeLimit {
  const given = [...LIMIT_PARAMS.map(([p]) => p), 'same_day'].filter((p) => q[p as keyof typeof q] !== undefined);
  if (given.length !== 1) throw AppError.badRequest('calendar.api.one_limit');
  if (given[0] === 'same_day') {
    if (q.same_day?.trim() !== '1') throw AppError.badRequest('calendar.api.bad_same_day');
    return { kind: 'same_day', value: 0 };
  }
  const [param, kind, max] = LIMIT_PARAMS.find(([p]) => p === given[0])!;
  const n = parseInteger(q[param], 0, max);
  if (n === null) throw AppError.badRequest(`calendar.api.bad_${param}`).with({ max });
  return { kind, value: n };
}

async function unitBySlug(app: FastifyInstance, req: FastifyRequest, slug: string | undefined): Promise<UnitInfo | null> {
  if (!slug) return null;
  const unit = await findUnitBySlug(app, slug);
  if (!unit) throw AppError.notFound('calendar.api.unknown_unit');
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
    const q = req.query;
    const start = parseStart(q.start);
    if (!start) throw AppError.badRequest('calendar.api.bad_start');
    const limit = parseLimit(req, q);
    const procedureCutoff = q.cutoff?.trim() ? q.cutoff.trim() : limit.kind === 'same_day' ? SECTOR_CUTOFF : null;
    if (procedureCutoff && parseClock(procedureCutoff) === null) throw AppError.badRequest('calendar.api.bad_cutoff');
    const unit = await unitBySlug(app, req, q.unit);
    const rules = unit ? await getDeadlineRules(app.db, unit.id) : nationalRules();
    const r = computeDeadline(rules.calendar, {
      receivedAt: start, limit, workingHours: rules.workingHours, unitCutoff: rules.unitCutoff, procedureCutoff,
    });
    return {
      due: vnIsoString(r.due!), due_date: r.dueDate!, confidence: r.confidence, unconfirmed_years: r.unconfirmedYears,
      explanation: { ...r.explanation, skipped: r.skipped }, skipped: r.skipped,
      received_on: r.receivedOn, counted_from: vnIsoString(r.countedFrom), limit,
      ...(limit.kind === 'working_days' ? { working_days: limit.value } : {}),
      unit: unit?.slug ?? null, cutoff: rules.unitCutoff, procedure_cutoff: procedureCutoff,
      working_hours: formatWorkingHours(rules.workingHours),
    };
  });

  app.get('/api/v1/calendar/holidays', {
    schema: {
      tags, summary: 'Ngày nghỉ lễ, Tết và ngày làm bù của một năm', querystring: HolidaysQuery,
      response: { 200: HolidaysResponse, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (req: FastifyRequest<{ Querystring: Static<typeof HolidaysQuery> }>) => {
    const year = req.query.year === undefined ? vnYearOf(new Date()) : parseInteger(req.query.year, 1901, 2100);
    if (year === null) throw AppError.badRequest('calendar.api.bad_year');
    const unit = await unitBySlug(app, req, req.query.unit);
    const t = (await getWorkCalendar(app.db, unit?.id)).holidaysOf(year);
    return {
      year: t.year, confirmed: t.confirmed, confidence: t.confidence, generated: t.generated === true, source: t.source,
      days_off: t.days_off, working_saturdays: t.working_saturdays,
    };
  });
}
