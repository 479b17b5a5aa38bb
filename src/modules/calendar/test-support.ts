/**
 * Test fixtures of the calendar module, for its own tests and other modules' tests (they use these
 * instead of writing the calendar tables). They write with the given connection (a test's owner
 * `t.db`); a test then calls `invalidateWorkCalendars(db)` for the connection it reads calendars with.
 */
import type { Kysely } from 'kysely';
import {
  deleteOverride, insertOverride, listOverrides, readSettings, writeSettings, type OverrideRow, type UnitSettingsRow,
} from './repo.js';

/** Adds a day off (or a working day) to a unit's calendar; throws when the unit already has one that date. */
export async function setCalendarOverride(
  db: Kysely<any>, unitId: string, o: { date: string; kind: 'off' | 'work'; reason: string },
): Promise<OverrideRow> {
  const row = await insertOverride(db, { unitId, ...o, createdBy: null });
  if (!row) throw new Error(`calendar override of ${o.date} exists already`);
  return row;
}

/** Removes every override of a unit (not its city's). */
export async function clearCalendarOverrides(db: Kysely<any>, unitId: string): Promise<void> {
  for (const o of await listOverrides(db, [unitId])) await deleteOverride(db, unitId, o.id);
}

/** Sets a unit's cut-off and/or office hours; a setting not given keeps its stored value. */
export async function setCalendarSettings(db: Kysely<any>, unitId: string, s: Partial<UnitSettingsRow>): Promise<void> {
  const stored = await readSettings(db, unitId);
  await writeSettings(db, unitId, {
    cutoff: s.cutoff === undefined ? stored.cutoff : s.cutoff,
    working_hours: s.working_hours === undefined ? stored.working_hours : s.working_hours,
  }, null);
}
