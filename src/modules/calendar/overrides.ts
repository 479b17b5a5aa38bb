/**
 * Staff changes to the calendar: add or remove an override, set the cut-off time. Each write is
 * audited in its transaction, announced with NOTIFY (other instances drop their cache) and
 * clears this instance's cache.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { notify } from '../../core/realtime.js';
import { withUnit } from '../../core/tenancy.js';
import { formatWorkingHours, isIsoDate, parseClock, parseWorkingHours } from '../../lib/vn-calendar/index.js';
import { deleteOverride, findOverride, insertOverride, writeSettings, type OverrideRow } from './repo.js';
import { CHANGE_CHANNEL, invalidateWorkCalendars } from './service.js';

export type FieldErrors = Record<string, string>;
export interface OverrideInput { date: string; kind: 'off' | 'work'; reason: string }

/**
 * Checks a submitted override; error messages are i18n keys.
 * @example validateOverride({ date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão' }) // { ok: true, value }
 */
export function validateOverride(raw: Record<string, string | undefined>):
  { ok: true; value: OverrideInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (raw.date ?? '').trim();
  const reason = (raw.reason ?? '').trim().replace(/\s+/g, ' ');
  const year = Number(date.slice(0, 4));
  if (!isIsoDate(date) || year < 1901 || year > 2100) errors.date = 'calendar.error.date';
  if (raw.kind !== 'off' && raw.kind !== 'work') errors.kind = 'calendar.error.kind';
  if (reason.length < 3 || reason.length > 300) errors.reason = 'calendar.error.reason';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { date, kind: raw.kind as 'off' | 'work', reason } };
}

/** Adds an override for the request's unit; 409 when the unit already has one for that date. */
export async function addOverride(app: FastifyInstance, req: FastifyRequest, input: OverrideInput): Promise<OverrideRow> {
  const unitId = req.unit!.id;
  const row = await withUnit(app.db, unitId, async (trx) => {
    const created = await insertOverride(trx, { unitId, ...input, createdBy: req.staff?.userId ?? null });
    if (!created) throw AppError.conflict('calendar.error.duplicate');
    await audit(trx, req, { action: 'calendar.override_add', entity: 'calendar_override', entityId: created.id, after: input });
    await notify(trx, CHANGE_CHANNEL, { unitId });
    return created;
  });
  invalidateWorkCalendars(app.db);
  return row;
}

/** Removes one of the unit's overrides (404 when it is not the unit's). */
export async function removeOverride(app: FastifyInstance, req: FastifyRequest, id: string): Promise<void> {
  const unitId = req.unit!.id;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('calendar.error.not_found');
  await withUnit(app.db, unitId, async (trx) => {
    const before = await findOverride(trx, unitId, id);
    if (!before) throw AppError.notFound('calendar.error.not_found');
    await deleteOverride(trx, unitId, id);
    await audit(trx, req, {
      action: 'calendar.override_remove', entity: 'calendar_override', entityId: id,
      before: { date: before.date, kind: before.kind, reason: before.reason },
    });
    await notify(trx, CHANGE_CHANNEL, { unitId });
  });
  invalidateWorkCalendars(app.db);
}

/**
 * Sets (or clears, with '') the unit's cut-off time and office hours; returns field errors (i18n
 * keys) when malformed. Cached calendars and rules are dropped in every instance.
 */
export async function saveSettings(
  app: FastifyInstance, req: FastifyRequest, raw: { cutoff?: string; working_hours?: string },
): Promise<FieldErrors | null> {
  const cutoff = (raw.cutoff ?? '').trim() || null;
  const hoursText = (raw.working_hours ?? '').trim();
  const hours = hoursText ? parseWorkingHours(hoursText) : null;
  const errors: FieldErrors = {};
  if (cutoff !== null && parseClock(cutoff) === null) errors.cutoff = 'calendar.error.cutoff';
  if (hoursText && !hours) errors.working_hours = 'calendar.error.working_hours';
  if (Object.keys(errors).length) return errors;
  const unitId = req.unit!.id;
  const after = { cutoff, working_hours: hours ? formatWorkingHours(hours) : null };
  await withUnit(app.db, unitId, async (trx) => {
    await writeSettings(trx, unitId, after, req.staff?.userId ?? null);
    await audit(trx, req, { action: 'calendar.settings_set', entity: 'calendar_settings', entityId: unitId, after });
    await notify(trx, CHANGE_CHANNEL, { unitId });
  });
  invalidateWorkCalendars(app.db);
  return null;
}
