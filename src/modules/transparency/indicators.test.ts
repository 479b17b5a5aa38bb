import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createEmptyUnit } from '../../../test/helpers/units.js';
import { vnYearBounds } from '../../core/providers.js';
import { checkDirectory } from './lib/directory-check.js';
import { transparencyIndicatorSource } from './indicator-source.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const at = (s: string) => new Date(`${s}+07:00`);

describe('directory check', () => {
  it('needs each leadership position with a phone and a non-empty officials list', () => {
    const e = (grouping: 'party' | 'council' | 'committee' | 'department', title: string, phone: string | null = '0912 000 000') => ({ grouping, title, phone });
    expect(checkDirectory([
      e('party', 'Bí thư Đảng ủy phường'), e('party', 'Phó Bí thư Đảng ủy, Chủ tịch UBND phường'), e('council', 'Chủ tịch HĐND phường'),
      e('council', 'Phó Chủ tịch HĐND phường'), e('committee', 'Chủ tịch UBND phường'), e('committee', 'Phó Chủ tịch UBND phường'),
      e('department', 'Trưởng phòng'),
    ])).toEqual({ met: 7, required: 7, missing: [] });
    expect(checkDirectory([e('party', 'Phó Bí thư'), e('committee', 'Chủ tịch UBND', ' ')]).missing)
      .toEqual(['party_secretary', 'council_chair', 'council_deputy', 'committee_chair', 'committee_deputy', 'officials']);
  });
});

describe('transparency indicators', () => {
  it('computes every figure of a year from the records, nothing after "now"', async () => {
    const unitId = await createEmptyUnit(t.db, 'chi-so-cong-khai', { hotline: '0220 3882 115' });
    const dir = [['party', 'Bí thư Đảng ủy', '0912 1'], ['party', 'Phó Bí thư Đảng ủy', null], ['council', 'Chủ tịch HĐND', '0912 2'],
      ['committee', 'Chủ tịch UBND', '0912 3'], ['committee', 'Phó Chủ tịch UBND', '0912 4']];
    for (const [grouping, title, phone] of dir) {
      await sql`insert into directory_entries (unit_id, grouping, full_name, title, phone) values (${unitId}, ${grouping}, 'Nguyễn Văn A', ${title}, ${phone})`.execute(t.db);
    }
    await sql`insert into transparency_texts (unit_id, kind, title, body) values (${unitId}, 'reception_rules', 'Nội quy', 'Điều 1.')`.execute(t.db);
    // Calendars: week of 6 Jan entered on 3 Jan (on time); week of 13 Jan the chairman's entered late; week of 20 Jan only the unit's.
    const events: [string, string, string][] = [
      ['committee', '2025-01-07T08:00:00', '2025-01-03T10:00:00'], ['chairman', '2025-01-08T08:00:00', '2025-01-03T10:00:00'],
      ['committee', '2025-01-14T08:00:00', '2025-01-10T10:00:00'], ['chairman', '2025-01-14T14:00:00', '2025-01-13T09:00:00'],
      ['committee', '2025-01-21T08:00:00', '2025-01-17T10:00:00'],
      ['committee', '2025-03-18T08:00:00', '2025-03-01T10:00:00'], ['chairman', '2025-03-18T08:00:00', '2025-03-01T10:00:00'],
    ];
    for (const [owner, start, created] of events) {
      await sql`insert into calendar_events (unit_id, owner, title, starts_at, ends_at, created_at)
        values (${unitId}, ${owner}, 'Giao ban', ${at(start)}, ${at(start)}, ${at(created)})`.execute(t.db);
    }
    for (const month of [1, 3]) {
      await sql`insert into online_stats_monthly (unit_id, year, month, field, received_online, received_in_person, resolved, resolved_on_time, source)
        values (${unitId}, 2025, ${month}, 'Hộ tịch', 1, 1, 1, 1, 'Báo cáo')`.execute(t.db);
    }
    const items: [string, string, string, number][] = [
      ['directory', '2024-12-01T00:00:00', '2025-03-01T00:00:00', 30], ['calendar', '2024-12-01T00:00:00', '2025-01-01T00:00:00', 30],
      ['commitment', '2025-04-01T00:00:00', '2025-04-01T00:00:00', 30],
    ];
    for (const [type, published, reviewed, days] of items) {
      await sql`insert into published_items (unit_id, item_type, title, path, published_at, last_reviewed_at, review_interval_days)
        values (${unitId}, ${type}, ${type}, '/', ${at(published)}, ${at(reviewed)}, ${days})`.execute(t.db);
    }

    const now = at('2025-03-15T00:00:00'); // ten weeks begun (6 Jan … 10 Mar), two months over
    const values = await transparencyIndicatorSource.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now });
    expect(values.map((v) => [v.id, v.value, v.numerator, v.denominator])).toEqual([
      ['transparency.directory_complete', 57.1, 4, 7],
      ['transparency.hotline_published', 1, undefined, undefined],
      ['transparency.reception_schedule_published', 0, undefined, undefined],
      ['transparency.weekly_calendar_on_time', 10, 1, 10],
      ['transparency.commitment_published', 0, undefined, undefined],
      ['transparency.online_stats_published', 50, 1, 2],
      ['transparency.reviews_not_overdue', 50, 1, 2],
    ]);
    expect(values[0].note).toBe('party_deputy, council_deputy, officials');
    expect(values[3].note).toBe('2025-01-13, 2025-01-20, 2025-01-27, 2025-02-03, 2025-02-10, 2025-02-17, 2025-02-24, 2025-03-03, 2025-03-10');
    expect(values[5].drillDown).toBe('thong-ke?nam=2025');

    await sql`insert into reception_schedules (unit_id, leader_name, leader_title, recurrence, weekday, start_time, end_time, place)
      values (${unitId}, 'Nguyễn Văn B', 'Chủ tịch UBND', 'weekly', 4, '08:00', '11:00', 'Trụ sở')`.execute(t.db);
    const later = await transparencyIndicatorSource.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now: at('2026-02-01T00:00:00') });
    expect(later.find((v) => v.id === 'transparency.reception_schedule_published')?.value).toBe(1);
    // The whole year: 52 Mondays, 12 months; the March week was entered in time.
    expect(later.find((v) => v.id === 'transparency.weekly_calendar_on_time')).toMatchObject({ numerator: 2, denominator: 52 });
    expect(later.find((v) => v.id === 'transparency.online_stats_published')).toMatchObject({ numerator: 2, denominator: 12 });
  });
});
