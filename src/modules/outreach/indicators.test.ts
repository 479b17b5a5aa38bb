import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { computeIndicators, indicatorDefinitions, vnYearBounds } from '../../core/providers.js';
import { OUTREACH_INDICATORS } from './indicators.js';
import { insertNumberedLetter } from './letters-service.js';
import { insertDossiers } from '../dossiers/test-support.js';

let t: TestApp;
let unitId: string;
const unit = () => ({ id: unitId, name: 'Phường Chí Linh' });
const vn = (local: string) => new Date(`${local}+07:00`);

async function dossier(code: string, procedure: string, received: string, due: string, result: string | null) {
  await insertDossiers(t.db, unitId, [{
    receiving_unit_id: unitId, code, procedure_code: procedure,
    procedure_name: procedure === 'hotich-kethon' ? 'Đăng ký kết hôn' : 'Đăng ký khai sinh', working_days: 3,
    applicant_name: `Người nộp ${code.slice(-4)}`, channel: 'in_person', status: result ? 'returned' : 'processing',
    received_at: vn(`${received}T09:00:00`), accepted_at: vn(`${received}T09:00:00`), due_date: due, result_at: result ? vn(`${result}T15:00:00`) : null,
  }]);
}

async function letter(kind: string, status: string, opts: { ref?: string; deleted?: boolean; at?: string } = {}) {
  const l = await insertNumberedLetter(t.db, unit(), { kind, recipientName: 'Người nhận', sourceRef: opts.ref ?? null, source: opts.ref ? 'dossier' : 'manual' }, vn(opts.at ?? '2026-03-10T09:00:00'), null);
  await sql`update letters set status = ${status}, deleted_at = ${opts.deleted ? new Date() : null} where id = ${l.id}`.execute(t.db);
  return l.id;
}

async function greeting(occasion: string, date: string, status: string, channels: string[]) {
  const g = await t.db.insertInto('greetings').values({ unit_id: unitId, occasion, occasion_date: date, status, title: 'T', body: 'B' }).returning('id').executeTakeFirstOrThrow();
  for (const channel of channels) await t.db.insertInto('greeting_publications').values({ unit_id: unitId, greeting_id: g.id, channel, published_at: vn(`${date}T06:00:00`) }).execute();
}

async function volunteer(day: string, shift: string, phone: string, inAt: string | null, outAt: string | null) {
  await t.db.insertInto('volunteer_signups').values({ unit_id: unitId, day, shift, name: 'TNV', organisation: 'Đoàn', phone,
    checked_in_at: inAt ? vn(`${day}T${inAt}:00`) : null, checked_out_at: outAt ? vn(`${day}T${outAt}:00`) : null }).execute();
}

beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId('chi-linh');
  // Marriage registrations of 2026: four; letters handed over for M1, sent for M2, a draft for M3.
  for (const n of [1, 2, 3, 4]) await dossier(`000.00.00.H31-260105-000${n}`, 'hotich-kethon', '2026-01-05', '2026-01-06', '2026-01-06');
  await dossier('000.00.00.H31-251230-0001', 'hotich-kethon', '2025-12-30', '2025-12-31', '2025-12-31'); // last year: not counted
  await letter('marriage', 'handed_over', { ref: '000.00.00.H31-260105-0001' });
  await letter('marriage', 'sent', { ref: '000.00.00.H31-260105-0002' });
  await letter('marriage', 'draft', { ref: '000.00.00.H31-260105-0003' });
  // Overdue: D1 returned late, D2 still open past its date; D3 on time, D4 not yet due.
  await dossier('000.00.00.H31-260202-0001', 'hotich-khaisinh', '2026-02-02', '2026-02-10', '2026-02-12');
  await dossier('000.00.00.H31-260223-0002', 'hotich-khaisinh', '2026-02-23', '2026-03-01', null);
  await dossier('000.00.00.H31-260202-0003', 'hotich-khaisinh', '2026-02-02', '2026-02-10', '2026-02-10');
  await dossier('000.00.00.H31-260325-0004', 'hotich-khaisinh', '2026-03-25', '2026-05-01', null);
  await letter('apology', 'sent', { ref: '000.00.00.H31-260202-0001' });
  await letter('apology', 'draft', { ref: '000.00.00.H31-260223-0002' });
  // Condolence: one sent, one draft with a visit recorded, one plain draft, one deleted.
  await letter('condolence', 'sent');
  const visited = await letter('condolence', 'draft');
  await t.db.insertInto('letter_visits').values({ unit_id: unitId, letter_id: visited, kind: 'funeral', visited_on: '2026-03-11', attendees: 'Chủ tịch' }).execute();
  await letter('condolence', 'draft');
  await letter('condolence', 'sent', { deleted: true });
  for (const s of ['sent', 'sent', 'handed_over', 'signed']) await letter('thanks', s);
  await letter('thanks', 'sent', { at: '2025-12-20T09:00:00' }); // last year
  await letter('commendation', 'handed_over');
  // Occasions due by 31/03/2026: 01/01, 03/02, 17/02 (Tết), 08/03. Two published, one approved only.
  await greeting('new-year', '2026-01-01', 'published', ['website']);
  await greeting('tet', '2026-02-17', 'published', ['radio', 'zalo']);
  await greeting('women-day', '2026-03-08', 'approved', []);
  await greeting('labour-day', '2026-05-01', 'published', ['website']); // after "now": not counted
  for (const [held_on, held] of [['2026-01-25', true], ['2026-12-20', false], ['2025-01-20', true]] as const) {
    await t.db.insertInto('contributor_meetings').values({ unit_id: unitId, year: Number(held_on.slice(0, 4)), held_on, place: 'Hội trường', held }).execute();
  }
  // Volunteers: Mon 02/03 two people (4 h + 3.5 h), Tue 03/03 3 h, Wed 04/03 checked in only, Thu 05/03 booked only.
  await volunteer('2026-03-02', 'morning', '0900000001', '07:30', '11:30');
  await volunteer('2026-03-02', 'afternoon', '0900000002', '13:30', '17:00');
  await volunteer('2026-03-03', 'morning', '0900000001', '07:30', '10:30');
  await volunteer('2026-03-04', 'morning', '0900000003', '07:35', null);
  await volunteer('2026-03-05', 'morning', '0900000003', null, null);
});
afterAll(async () => { await t?.close(); });

describe('outreach indicators', () => {
  test('exactly the ids of docs/indicators.md, criterion 2, through the provider hook', () => {
    const ids = indicatorDefinitions().filter((d) => d.module === 'outreach').map((d) => d.definition.id);
    expect(ids).toEqual(['outreach.letters_marriage', 'outreach.letters_condolence', 'outreach.letters_thanks', 'outreach.letters_commendation',
      'outreach.letters_apology', 'outreach.greetings_published', 'outreach.contributor_meetings', 'outreach.volunteer_days_covered', 'outreach.volunteer_hours']);
    expect(OUTREACH_INDICATORS.every((d) => d.criterion === 2)).toBe(true);
  });

  test('values pinned against known records (year 2026, today 31/03/2026)', async () => {
    const values = await computeIndicators({ db: t.appDb, unitId, year: 2026, ...vnYearBounds(2026), now: vn('2026-03-31T12:00:00') });
    const v = Object.fromEntries(values.filter((x) => x.module === 'outreach').map((x) => [x.id, x]));
    expect(v['outreach.letters_marriage']).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(v['outreach.letters_condolence'].value).toBe(2);
    expect(v['outreach.letters_thanks'].value).toBe(3);
    expect(v['outreach.letters_commendation'].value).toBe(1);
    expect(v['outreach.letters_apology']).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(v['outreach.greetings_published']).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(v['outreach.contributor_meetings'].value).toBe(1);
    // Working days 01/01–31/03/2026 under the 2026 table: 21 in January (01–02/01 off, Sat 10/01 worked), 15 in February (Tết), 22 in March.
    expect(v['outreach.volunteer_days_covered']).toMatchObject({ numerator: 3, denominator: 58, value: 5.2 });
    expect(v['outreach.volunteer_hours'].value).toBe(10.5);
  });

  test('no data is null, never 0, for the rates', async () => {
    const other = await t.unitId('nguyen-trai');
    const values = await computeIndicators({ db: t.appDb, unitId: other, year: 2026, ...vnYearBounds(2026), now: vn('2026-03-31T12:00:00') });
    const v = Object.fromEntries(values.filter((x) => x.module === 'outreach').map((x) => [x.id, x.value]));
    expect(v['outreach.letters_marriage']).toBeNull();
    expect(v['outreach.letters_apology']).toBeNull();
    expect(v['outreach.greetings_published']).toBe(0);
    expect(v['outreach.volunteer_days_covered']).toBe(0);
    expect(v['outreach.letters_thanks']).toBe(0);
  });
});
