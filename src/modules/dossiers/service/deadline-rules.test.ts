import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { invalidateWorkCalendars } from '../../calendar/index.js';
import { setCalendarOverride, setCalendarSettings } from '../../calendar/test-support.js';
import { makeDeps, type Officer } from './deps.js';
import { receiveDossier } from './intake.js';
import { twoDayProcedureKey } from '../test-support.js';
import { transitionDossier } from './transitions.js';

/** Deadlines follow the deciding unit's calendar and after-hours cut-off (calendar module). */
let t: TestApp;
let ward: string; // receiving ward (chu-van-an), cut-off 15:00
let other: string; // deciding ward of routed dossiers: Wednesday 04/03/2026 off, no cut-off
let procedureKey: string;
const vn = (s: string) => new Date(`${s}+07:00`);
const officer: Officer = { id: null, name: 'Trần Văn Minh', actor: { id: null, name: 'test', unitId: null, ip: null } };
const depsAt = (at: string) => ({ ...makeDeps(t.appDb), now: () => vn(at) });
const person = { applicantName: 'Nguyễn Thị Hoa', applicantPhone: '0912000123', channel: 'in_person' };

beforeAll(async () => {
  t = await startTestApp();
  ward = await t.unitId();
  other = (await sql<{ id: string }>`select id from units where type <> 'city' and id <> ${ward} order by slug limit 1`.execute(t.db)).rows[0].id;
  await setCalendarSettings(t.db, ward, { cutoff: '15:00' });
  await setCalendarOverride(t.db, other, { date: '2026-03-04', kind: 'off', reason: 'Nghỉ do bão' });
  invalidateWorkCalendars(t.appDb);
  procedureKey = await twoDayProcedureKey(t.appDb, ward);
});
afterAll(async () => { await t?.close(); });

describe('deadline rules of the deciding unit', () => {
  test('cut-off 15:00: received at 15:30 is due one working day later than at 14:30', async () => {
    const early = await receiveDossier(depsAt('2026-03-02T14:30:00'), ward, { ...person, procedureKey, complete: true }, officer);
    const late = await receiveDossier(depsAt('2026-03-02T15:30:00'), ward, { ...person, procedureKey, complete: true }, officer);
    expect([early.due_date, late.due_date]).toEqual(['2026-03-04', '2026-03-05']);
  });

  test("a routed dossier is counted on the deciding ward's calendar (its override), not the receiving ward's", async () => {
    const own = await receiveDossier(depsAt('2026-03-02T09:00:00'), ward, { ...person, procedureKey, complete: true }, officer);
    const routed = await receiveDossier(depsAt('2026-03-02T09:00:00'), ward, { ...person, procedureKey, complete: true, decidingUnitId: other }, officer);
    expect([own.due_date, routed.due_date]).toEqual(['2026-03-04', '2026-03-05']);
  });

  test('a supplement recorded by the receiving ward recounts on the deciding ward\'s calendar and cut-off', async () => {
    const d = await receiveDossier(depsAt('2026-03-02T09:00:00'), ward, { ...person, procedureKey, complete: false, missingPapers: 'Bản chính giấy khai sinh', decidingUnitId: other }, officer);
    expect(d.due_date).toBeNull();
    // Accepted Tuesday 03/03: 04/03 is off for the deciding ward → Thursday 05/03 and Friday 06/03
    // are the two days (the receiving ward's calendar would give 05/03).
    const after = await transitionDossier(depsAt('2026-03-03T10:00:00'), ward, d.code, { action: 'supplement' }, officer);
    expect(after.due_date).toBe('2026-03-06');
    // Own dossier of the receiving ward: its cut-off applies to the supplement (acceptance) time.
    const own = await receiveDossier(depsAt('2026-03-02T09:00:00'), ward, { ...person, procedureKey, complete: false, missingPapers: 'Ảnh 4x6' }, officer);
    const ownAfter = await transitionDossier(depsAt('2026-03-03T15:30:00'), ward, own.code, { action: 'supplement' }, officer);
    expect(ownAfter.due_date).toBe('2026-03-06'); // starts Wednesday 04/03 → 05/03, 06/03
  });
});
