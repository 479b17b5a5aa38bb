import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { invalidateWorkCalendars } from './service.js';

let t: TestApp;
let wardId: string;
let cityId: string;

const get = async (path: string) => {
  const res = await fetch(`${t.url}${path}`);
  return { status: res.status, body: await res.json() as any };
};
const due = (q: string) => get(`/api/v1/calendar/due?${q}`);

beforeAll(async () => {
  t = await startTestApp();
  wardId = await t.unitId('chu-van-an');
  cityId = await t.unitId('hai-phong');
});
afterAll(async () => { await t?.close(); });

describe('GET /api/v1/calendar/due', () => {
  it('Thu 12/02/2026 + 2 working days → Mon 23/02/2026, Tết days listed with names', async () => {
    const r = await due('start=2026-02-12T09:00:00%2B07:00&working_days=2');
    expect(r.status).toBe(200);
    expect(r.body.due).toBe('2026-02-23T17:00:00+07:00');
    expect(r.body.due_date).toBe('2026-02-23');
    expect(r.body.confidence).toBe('official');
    expect(r.body.received_on).toBe('2026-02-12');
    expect(r.body.skipped).toHaveLength(9);
    expect(r.body.skipped[3]).toEqual({ date: '2026-02-17', reason: 'Tết Nguyên đán Bính Ngọ (mùng 1)', reason_en: "Lunar New Year's Day" });
    expect(r.body.unit).toBeNull();
  });

  it('reads a time without offset as Vietnam time, and a UTC instant as such', async () => {
    expect((await due('start=2026-02-13T00:30&working_days=1')).body.due_date).toBe('2026-02-23');
    expect((await due('start=2026-02-12T17:30:00Z&working_days=1')).body.due_date).toBe('2026-02-23');
    // 23:30 on Thu 12/02 is after office hours: counted from Fri 13/02 07:30, so + 1 → Mon 23/02.
    expect((await due('start=2026-02-12T16:30:00Z&working_days=1')).body.due_date).toBe('2026-02-23');
    expect((await due('start=2026-02-12T08:30:00Z&working_days=1')).body.due_date).toBe('2026-02-13');
    expect((await due('start=2026-02-14&working_days=0')).body.due_date).toBe('2026-02-23');
  });

  it('crosses Tết 2027 and 2030, and 2/9 2026', async () => {
    expect((await due('start=2027-02-03T10:00&working_days=1')).body.due_date).toBe('2027-02-11');
    expect((await due('start=2030-01-31T10:00&working_days=1')).body.due_date).toBe('2030-02-08');
    expect((await due('start=2026-08-28T10:00&working_days=1')).body.due_date).toBe('2026-09-03');
  });

  it('answers 400 with a Vietnamese message for a bad start or day count', async () => {
    for (const q of ['working_days=1', 'start=abc&working_days=1', 'start=2026-02-30T09:00&working_days=1', 'start=1850-01-01&working_days=1']) {
      const r = await due(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message).toBe('Thời điểm bắt đầu (start) không hợp lệ; dùng dạng ISO, ví dụ 2026-02-12T09:00:00+07:00.');
    }
    for (const n of ['-1', '366', '1.5', 'ba', '']) {
      const r = await due(`start=2026-03-02T09:00&working_days=${n}`);
      expect(r.status, n).toBe(400);
      expect(r.body.error.message).toBe('Số ngày làm việc (working_days) phải là số nguyên từ 0 đến 365.');
    }
    expect((await due('start=2026-03-02T09:00&working_days=365')).status).toBe(200);
    expect((await due('start=2099-12-31T10:00&working_days=365')).body.due_date).toBe('2101-06-23'); // edge of the range
    expect((await due('start=1901-01-01&working_days=0')).status).toBe(200);
  });

  it('counts calendar days (art. 147, 148): Fri 04/12/2026 + 30 → Mon 04/01/2027, a computed year', async () => {
    const r = await due('start=2026-12-04T09:00&calendar_days=30');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      due: '2027-01-04T17:00:00+07:00', due_date: '2027-01-04', confidence: 'computed', unconfirmed_years: [2027],
      limit: { kind: 'calendar_days', value: 30 },
    });
    expect(r.body.explanation.vi.join(' ')).toContain('Điều 148');
    expect(r.body.explanation.skipped.map((d: any) => d.date)).toEqual(['2027-01-03']);
  });

  it('counts working hours within office hours, and same day with the 15:00 sector cut-off', async () => {
    expect((await due('start=2026-03-02T16:00&working_hours=4')).body.due).toBe('2026-03-03T10:30:00+07:00');
    expect((await due('start=2026-03-02T14:00&same_day=1')).body.due).toBe('2026-03-02T17:00:00+07:00');
    const late = await due('start=2026-03-02T16:00&same_day=1');
    expect(late.body).toMatchObject({ due: '2026-03-03T17:00:00+07:00', procedure_cutoff: '15:00' });
    expect(late.body.explanation.vi[0]).toBe('Nhận thứ Hai 02/03/2026 16:00 (sau giờ tiếp nhận 15:00): tính là nhận lúc thứ Ba 03/03/2026 07:30.');
    expect((await due('start=2026-03-02T16:00&same_day=1&cutoff=16:30')).body.due_date).toBe('2026-03-02');
    const night = await due('start=2026-12-04T20:36&same_day=1');
    expect(night.body.due).toBe('2026-12-07T17:00:00+07:00');
    expect(night.body.counted_from).toBe('2026-12-07T07:30:00+07:00');
  });

  it('answers 400 unless exactly one limit is given', async () => {
    for (const q of ['', '&working_days=1&calendar_days=2', '&same_day=2', '&working_hours=abc', '&calendar_days=400', '&same_day=1&cutoff=9h']) {
      const r = await due(`start=2026-03-02T09:00${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message.length, q).toBeGreaterThan(10);
    }
  });

  it('answers 404 for an unknown unit', async () => {
    const r = await due('start=2026-03-02T09:00&working_days=1&unit=khong-co');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toBe('Không tìm thấy phường, xã này.');
  });

  it('applies the city\'s then the unit\'s overrides, and the unit\'s cut-off', async () => {
    await sql`insert into calendar_overrides (unit_id, date, kind, reason) values
      (${cityId}, '2026-02-23', 'off', 'Nghỉ do bão (toàn thành phố)'),
      (${cityId}, '2026-02-24', 'off', 'Nghỉ do bão (toàn thành phố)'),
      (${wardId}, '2026-02-24', 'work', 'Phường trực làm việc')`.execute(t.db);
    await sql`insert into calendar_settings (unit_id, cutoff) values (${wardId}, '15:00')`.execute(t.db);
    invalidateWorkCalendars(t.app.db);
    const ward = await due('start=2026-02-12T09:00&working_days=2&unit=chu-van-an');
    expect(ward.body).toMatchObject({ due_date: '2026-02-24', unit: 'chu-van-an', cutoff: '15:00' });
    expect(ward.body.skipped.at(-1)).toMatchObject({ date: '2026-02-23', reason: 'Nghỉ do bão (toàn thành phố)' });
    expect((await due('start=2026-02-12T09:00&working_days=2')).body.due_date).toBe('2026-02-23'); // national
    expect((await due('start=2026-02-12T09:00&working_days=2&unit=hai-phong')).body.due_date).toBe('2026-02-25');
    expect((await due('start=2026-03-04T15:30&working_days=0&unit=chu-van-an')).body.due_date).toBe('2026-03-05');
    expect((await due('start=2026-03-04T15:30&working_days=0')).body.due_date).toBe('2026-03-04');
  });

  it('applies the ward\'s office hours to start', async () => {
    await sql`update calendar_settings set cutoff = null, working_hours = '08:00-12:00,13:00-16:00' where unit_id = ${wardId}`.execute(t.db);
    invalidateWorkCalendars(t.app.db);
    const r = await due('start=2026-03-04T16:30&working_hours=2&unit=chu-van-an');
    expect(r.body).toMatchObject({ due: '2026-03-05T10:00:00+07:00', working_hours: '08:00-12:00,13:00-16:00', cutoff: null });
    expect((await due('start=2026-03-04T16:30&working_hours=2')).body.due).toBe('2026-03-05T09:00:00+07:00'); // national hours
    await sql`update calendar_settings set cutoff = '15:00', working_hours = null where unit_id = ${wardId}`.execute(t.db);
    invalidateWorkCalendars(t.app.db);
  });

  it('drops its cache when another instance announces a change (NOTIFY)', async () => {
    expect((await due('start=2026-03-05T09:00&working_days=1&unit=chu-van-an')).body.due_date).toBe('2026-03-06');
    await sql`insert into calendar_overrides (unit_id, date, kind, reason) values (${wardId}, '2026-03-06', 'off', 'Đại hội đại biểu')`.execute(t.db);
    expect((await due('start=2026-03-05T09:00&working_days=1&unit=chu-van-an')).body.due_date).toBe('2026-03-06'); // cached
    await sql`select pg_notify('calendar_overrides', '{}')`.execute(t.db);
    let answer = '';
    for (let i = 0; i < 50 && answer !== '2026-03-09'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      answer = (await due('start=2026-03-05T09:00&working_days=1&unit=chu-van-an')).body.due_date;
    }
    expect(answer).toBe('2026-03-09');
  });
});

describe('GET /api/v1/calendar/holidays', () => {
  it('2026: the shipped table with names and working Saturdays', async () => {
    const r = await get('/api/v1/calendar/holidays?year=2026');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, confirmed: true, confidence: 'official', generated: false });
    expect(r.body.days_off).toContainEqual({ date: '2026-02-17', name_vi: 'Tết Nguyên đán Bính Ngọ (mùng 1)', name_en: "Lunar New Year's Day", kind: 'statutory' });
    expect(r.body.working_saturdays.map((s: any) => s.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(r.body.days_off).toHaveLength(24);
  });

  it('2025 is confirmed; 2030 is generated from the Labour Code', async () => {
    expect((await get('/api/v1/calendar/holidays?year=2025')).body.confirmed).toBe(true);
    const y2030 = (await get('/api/v1/calendar/holidays?year=2030')).body;
    expect(y2030).toMatchObject({ year: 2030, confirmed: false, confidence: 'computed', generated: true });
    expect(y2030.days_off.find((d: any) => d.name_en === "Lunar New Year's Day").date).toBe('2030-02-02');
  });

  it('merges the unit\'s overrides when a unit is given', async () => {
    const r = await get('/api/v1/calendar/holidays?year=2026&unit=chu-van-an');
    expect(r.body.days_off.find((d: any) => d.date === '2026-02-23')).toMatchObject({ kind: 'override', name_vi: 'Nghỉ do bão (toàn thành phố)' });
    expect(r.body.days_off.some((d: any) => d.date === '2026-02-24')).toBe(false);
  });

  it('answers 400 for a bad year and 404 for an unknown unit', async () => {
    for (const y of ['1800', '2101', 'abc', '2026.5']) {
      const r = await get(`/api/v1/calendar/holidays?year=${y}`);
      expect(r.status, y).toBe(400);
      expect(r.body.error.message).toBe('Năm (year) phải là số nguyên từ 1901 đến 2100.');
    }
    expect((await get('/api/v1/calendar/holidays?year=2026&unit=khong-co')).status).toBe(404);
  });

  it('is described in /openapi.json', async () => {
    const spec = await (await fetch(`${t.url}/openapi.json`)).json() as any;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/calendar/due', '/api/v1/calendar/holidays']));
  });
});
