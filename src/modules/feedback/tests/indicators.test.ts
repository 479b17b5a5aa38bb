import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createEmptyUnit } from '../../../../test/helpers/units.js';
import { vnYearBounds } from '../../../core/providers.js';
import { feedbackIndicatorSource } from '../indicator-source.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const at = (s: string) => new Date(`${s}T09:00:00+07:00`);

describe('feedback indicators', () => {
  it('counts channels, answers within the deadline and weekly intake, nothing after "now"', async () => {
    const unitId = await createEmptyUnit(t.db, 'chi-so-phan-anh');
    // [channel, received, due, answered, status]
    const items: [string, string, string, string | null, string][] = [
      ['hotline', '2025-01-10', '2025-01-20', '2025-01-18', 'answered'], // on time
      ['zalo', '2025-02-01', '2025-02-10', '2025-02-12', 'answered'], // late
      ['web', '2025-05-01', '2025-05-10', null, 'in_progress'], // due, unanswered
      ['web', '2025-06-10', '2025-06-20', null, 'received'], // not due yet
      ['email', '2025-06-11', '2025-06-25', '2025-06-12', 'answered'], // answered before it is due
      ['suggestion_box', '2025-03-01', '2025-03-10', null, 'rejected'], // needs no answer
      ['facebook', '2024-12-30', '2025-01-08', '2025-01-05', 'closed'], // received last year, due this year
      ['sms', '2025-07-01', '2025-07-10', null, 'received'], // after "now"
    ];
    for (const [i, [channel, received, due, answered, status]] of items.entries()) {
      await sql`insert into feedback (unit_id, code, category, channel, status, content, received_at, due_date, answered_at)
        values (${unitId}, ${`PA-IND-${i}`}, 'environment', ${channel}, ${status}, 'Nội dung phản ánh', ${at(received)}, ${due},
          ${answered ? at(answered) : null})`.execute(t.db);
    }
    for (const week of [1, 2, 30]) {
      await sql`insert into feedback_intakes (unit_id, iso_year, iso_week, group_kind, group_code, group_name, no_new_items)
        values (${unitId}, 2025, ${week}, 'organisation', 'womens_union', 'Hội LHPN', true)`.execute(t.db);
    }
    const now = new Date('2025-06-15T12:00:00+07:00'); // ISO week 24
    const values = await feedbackIndicatorSource.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now });
    expect(values).toEqual([
      { id: 'feedback.channels_active', value: 5, numerator: 5, drillDown: 'phan-anh', note: 'email, hotline, suggestion_box, web, zalo' },
      { id: 'feedback.answered_on_time', value: 60, numerator: 3, denominator: 5, drillDown: 'phan-anh' },
      // six organisations (the unit has no residential groups) × 24 weeks; week 30 is after "now"
      { id: 'feedback.weekly_intake_coverage', value: 1.4, numerator: 2, denominator: 144, drillDown: 'phan-anh/tiep-nhan-tuan' },
    ]);
    const empty = await feedbackIndicatorSource.compute({ db: t.appDb, unitId, year: 2023, ...vnYearBounds(2023), now });
    expect(empty.map((v) => v.value)).toEqual([0, null, 0]); // no register kept that year: 0 of 312
  });
});
