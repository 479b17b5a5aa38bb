import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/audit.js';
import { buildWorkCalendar, parseHolidayYear, type WorkCalendar } from '../../../lib/vn-calendar/index.js';

/** What the dossier services need from outside: the app-role database, a clock and the calendar. */
export interface DossierDeps {
  db: Kysely<any>;
  now: () => Date;
  /** The working-day calendar of a unit (give the dossier's deciding unit, `unit_id`). */
  calendar: (unitId: string) => Promise<WorkCalendar>;
  /** The unit's after-hours cut-off 'HH:MM' (calendar_settings), undefined when none (the default). */
  cutoff: (unitId: string) => Promise<string | undefined>;
  /** The installation's public address (PUBLIC_URL), for the look-up link printed as a QR code. */
  publicUrl?: () => string;
}

/** The officer acting, for the timeline and the audit log. */
export interface Officer { id: string | null; name: string; actor: Actor }

const HOLIDAYS_DIR = fileURLToPath(new URL('../../../../data/reference/holidays/', import.meta.url));
let shipped: WorkCalendar | null = null;

/** Calendar from the shipped yearly tables (years without a table are generated from the rules). */
export function shippedWorkCalendar(): WorkCalendar {
  if (shipped) return shipped;
  const years = readdirSync(HOLIDAYS_DIR).filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => parseHolidayYear(JSON.parse(readFileSync(HOLIDAYS_DIR + f, 'utf8'))));
  shipped = buildWorkCalendar(years);
  return shipped;
}

type CalendarModule = {
  getWorkCalendar?: (db: Kysely<any>, unitId?: string) => Promise<WorkCalendar>;
  getUnitCutoff?: (db: Kysely<any>, unitId: string) => Promise<string | undefined>;
};

const CALENDAR_MODULE = '../../calendar/index.js';
let calendarModule: Promise<CalendarModule | null> | null = null;
const loadCalendarModule = () => (calendarModule ??= (import(CALENDAR_MODULE) as Promise<CalendarModule>).catch(() => null));

/**
 * The unit's calendar from the calendar module (with the unit's and the city's amendments) when
 * that module is installed, else the shipped tables.
 */
export function calendarSource(db: Kysely<any>): (unitId: string) => Promise<WorkCalendar> {
  return async (unitId) => {
    const m = await loadCalendarModule();
    // A calendar module that is not installed (or not migrated) must not stop the one-stop desk.
    if (m?.getWorkCalendar) return m.getWorkCalendar(db, unitId).catch(() => shippedWorkCalendar());
    return shippedWorkCalendar();
  };
}

/** The unit's after-hours cut-off from the calendar module; none when that module is absent. */
export function cutoffSource(db: Kysely<any>): (unitId: string) => Promise<string | undefined> {
  return async (unitId) => {
    const m = await loadCalendarModule();
    if (!m?.getUnitCutoff) return undefined;
    return m.getUnitCutoff(db, unitId).catch(() => undefined);
  };
}

/** The calendar and the cut-off that count a dossier's deadline: always those of its deciding unit. */
export async function deadlineRules(deps: DossierDeps, decidingUnitId: string): Promise<{ cal: WorkCalendar; cutoff: string | undefined }> {
  const [cal, cutoff] = await Promise.all([deps.calendar(decidingUnitId), deps.cutoff(decidingUnitId)]);
  return { cal, cutoff };
}

export function makeDeps(db: Kysely<any>, now: () => Date = () => new Date()): DossierDeps {
  return { db, now, calendar: calendarSource(db), cutoff: cutoffSource(db) };
}
