/**
 * The unit's work calendar: shipped or generated holiday tables, then the city's overrides, then
 * the unit's own (the unit wins). Cached per database and unit; any override change clears the
 * cache here and, through NOTIFY calendar_overrides, in every other app instance.
 */
import type { Kysely } from 'kysely';
import { withUnits } from '../../core/tenancy.js';
import { buildWorkCalendar, type CalendarOverride, type WorkCalendar } from '../../lib/vn-calendar/index.js';
import { listOverrides, readCutoff, unitChain } from './repo.js';
import { shippedHolidayYears } from './tables.js';

export const CHANGE_CHANNEL = 'calendar_overrides';
const TTL_MS = 5 * 60_000; // safety net when a NOTIFY is missed
const NATIONAL = '*';

interface Entry { at: number; calendar: Promise<WorkCalendar> }
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Kysely<any>): Map<string, Entry> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

/**
 * The working-day calendar of a unit with the city's and the unit's overrides applied; without a
 * unit, the national calendar. Cached; cleared by invalidateWorkCalendars().
 * @example
 * const cal = await getWorkCalendar(app.db, req.unit.id);
 * dueDate(cal, { acceptedAt: dossier.accepted_at, workingDays: 5 }).due
 */
export function getWorkCalendar(db: Kysely<any>, unitId?: string | null): Promise<WorkCalendar> {
  const key = unitId ?? NATIONAL;
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.calendar;
  const calendar = unitId ? loadUnitCalendar(db, unitId) : Promise.resolve(buildWorkCalendar(shippedHolidayYears()));
  cache.set(key, { at: Date.now(), calendar });
  calendar.catch(() => cache.delete(key));
  return calendar;
}

/** The overrides that apply to a unit, city first, so that the unit's own come last and win. */
export async function effectiveOverrides(db: Kysely<any>, unitId: string): Promise<CalendarOverride[]> {
  const chain = await unitChain(db, unitId);
  if (!chain.length) return [];
  const rows = await withUnits(db, chain, (trx) => listOverrides(trx, chain));
  const depth = (id: string) => chain.indexOf(id);
  return rows
    .sort((a, b) => depth(b.unit_id) - depth(a.unit_id))
    .map((r) => ({ date: r.date, kind: r.kind, reason: r.reason }));
}

async function loadUnitCalendar(db: Kysely<any>, unitId: string): Promise<WorkCalendar> {
  return buildWorkCalendar(shippedHolidayYears(), await effectiveOverrides(db, unitId));
}

/**
 * Forgets the cached calendars of a database (all units: a city override changes every ward).
 * Called after each override change and on NOTIFY calendar_overrides from other instances.
 */
export function invalidateWorkCalendars(db: Kysely<any>): void {
  caches.get(db)?.clear();
}

/**
 * The unit's after-hours cut-off ('HH:MM'), or undefined when the unit has none (the default).
 * @example await getUnitCutoff(app.db, unitId) // '15:00'
 */
export async function getUnitCutoff(db: Kysely<any>, unitId: string): Promise<string | undefined> {
  return (await withUnits(db, [unitId], (trx) => readCutoff(trx, unitId))) ?? undefined;
}
