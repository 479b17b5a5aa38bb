/**
 * The unit's work calendar: shipped or generated holiday tables, replaced by the tables staff
 * imported (the city's, then the unit's own), then the city's overrides, then the unit's own (the
 * unit wins). Cached per database and unit; any change clears the cache here and, through NOTIFY
 * calendar_overrides, in every other app instance.
 */
import type { Kysely } from 'kysely';
import { withUnits } from '../../core/tenancy.js';
import {
  type CalendarOverride, type DeadlineRules, type HolidayYear, type WorkCalendar, DEFAULT_WORKING_HOURS,
  buildWorkCalendar, nationalCalendar, parseHolidayYear, parseWorkingHours, shippedHolidayYears,
} from '../../lib/vn-calendar/index.js';
import { listImportedTables, listOverrides, readSettings, unitChain } from './repo.js';

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
 * The working-day calendar of a unit with the imported tables and the city's and the unit's
 * overrides applied; without a unit, the national calendar. Cached; cleared by invalidateWorkCalendars().
 * @example
 * const cal = await getWorkCalendar(app.db, req.unit.id);
 */
export function getWorkCalendar(db: Kysely<any>, unitId?: string | null): Promise<WorkCalendar> {
  const key = unitId ?? NATIONAL;
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.calendar;
  const calendar = unitId ? loadUnitCalendar(db, unitId) : Promise.resolve(nationalCalendar());
  cache.set(key, { at: Date.now(), calendar });
  calendar.catch(() => cache.delete(key));
  return calendar;
}

/** The overrides that apply to a unit, city first, so that the unit's own come last and win. */
export async function effectiveOverrides(db: Kysely<any>, unitId: string): Promise<CalendarOverride[]> {
  return (await unitSources(db, unitId)).overrides;
}

/** Shipped tables with the imported ones in their place (the nearest unit's import wins). */
export async function effectiveTables(db: Kysely<any>, unitId: string): Promise<HolidayYear[]> {
  return (await unitSources(db, unitId)).tables;
}

async function unitSources(db: Kysely<any>, unitId: string): Promise<{ tables: HolidayYear[]; overrides: CalendarOverride[] }> {
  const chain = await unitChain(db, unitId);
  if (!chain.length) return { tables: shippedHolidayYears(), overrides: [] };
  const [rows, imported] = await withUnits(db, chain, async (trx) =>
    [await listOverrides(trx, chain), await listImportedTables(trx, chain)] as const);
  const depth = (id: string) => chain.indexOf(id);
  const byYear = new Map(shippedHolidayYears().map((t) => [t.year, t]));
  for (const r of [...imported].sort((a, b) => depth(b.unit_id) - depth(a.unit_id))) byYear.set(r.year, parseHolidayYear(r.body));
  const overrides = rows
    .sort((a, b) => depth(b.unit_id) - depth(a.unit_id))
    .map((r) => ({ date: r.date, kind: r.kind, reason: r.reason }));
  return { tables: [...byYear.values()].sort((a, b) => a.year - b.year), overrides };
}

async function loadUnitCalendar(db: Kysely<any>, unitId: string): Promise<WorkCalendar> {
  const { tables, overrides } = await unitSources(db, unitId);
  return buildWorkCalendar(tables, overrides);
}

/**
 * Forgets the cached calendars of a database (all units: a city override changes every ward).
 * Called after each change and on NOTIFY calendar_overrides from other instances.
 */
export function invalidateWorkCalendars(db: Kysely<any>): void {
  caches.get(db)?.clear();
}

/**
 * The unit's after-hours cut-off ('HH:MM'), or undefined when the unit has none (the default).
 * @example await getUnitCutoff(app.db, unitId) // '15:00'
 */
export async function getUnitCutoff(db: Kysely<any>, unitId: string): Promise<string | undefined> {
  return (await withUnits(db, [unitId], (trx) => readSettings(trx, unitId))).cutoff ?? undefined;
}

/**
 * Everything a deadline of the unit is counted with: calendar, office hours, unit-wide cut-off.
 * @example computeDeadline(rules.calendar, { receivedAt, limit, workingHours: rules.workingHours, unitCutoff: rules.unitCutoff })
 */
export async function getDeadlineRules(db: Kysely<any>, unitId: string): Promise<DeadlineRules> {
  const [calendar, settings] = await Promise.all([
    getWorkCalendar(db, unitId), withUnits(db, [unitId], (trx) => readSettings(trx, unitId)),
  ]);
  const workingHours = (settings.working_hours && parseWorkingHours(settings.working_hours)) || DEFAULT_WORKING_HOURS;
  return { calendar, workingHours, unitCutoff: settings.cutoff };
}
