import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createEmptyUnit } from '../../../../test/helpers/units.js';
import { vnYearBounds } from '../../../core/providers.js';
import { dossierIndicatorSource } from './indicator-source.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

describe('dossier indicators', () => {
  it('pins on-time, fast-track weeks, home service and apologies against known dossiers', async () => {
    const unitId = await createEmptyUnit(t.db, 'chi-so-ho-so');
    // [received, due, result, status, fast track, apologies]
    const rows: [string, string, string | null, string, boolean, number][] = [
      ['2025-01-07', '2025-01-07', '2025-01-07', 'returned', true, 0], // on time, fast-track week of 6 Jan
      ['2025-01-08', '2025-01-10', '2025-01-09', 'returned', true, 0], // early
      ['2025-02-04', '2025-02-10', '2025-02-12', 'result_ready', true, 1], // late, apologised; fast-track week of 3 Feb
      ['2025-02-05', '2025-02-12', null, 'processing', false, 0], // overdue, no apology
      ['2025-03-03', '2025-03-20', null, 'processing', false, 0], // not due yet
      ['2025-02-06', '2025-02-14', null, 'withdrawn', false, 0], // withdrawn: not overdue
      ['2025-03-11', '2025-03-18', null, 'received', true, 0], // the week of 10 March is not over
    ];
    for (const [i, [received, due, result, status, fast, apologies]] of rows.entries()) {
      await sql`insert into dossiers (unit_id, receiving_unit_id, code, procedure_name, working_days, applicant_name, channel, status,
          received_at, accepted_at, due_date, result_at, fast_track, apologies)
        values (${unitId}, ${unitId}, ${`T.IND-250101-000${i}`}, 'Đăng ký khai sinh', 3, 'Nguyễn Văn A', 'in_person', ${status},
          ${at(received)}, ${at(received)}, ${due}, ${result ? at(result) : null}, ${fast}, ${apologies})`.execute(t.db);
    }
    for (const status of ['delivered', 'requested', 'cancelled']) {
      await sql`insert into dossier_home_requests (unit_id, requester_name, phone, address, category, procedure_name, status, created_at)
        values (${unitId}, 'Trần Thị B', '0912000000', 'Tổ 1', 'elderly_alone', 'Chứng thực', ${status}, ${at('2025-02-01')})`.execute(t.db);
    }
    const now = new Date('2025-03-15T12:00:00+07:00'); // nine weeks over (6 Jan … 3 Mar)
    const values = await dossierIndicatorSource.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now });
    expect(values).toEqual([
      { id: 'dossiers.on_time_rate', value: 66.7, numerator: 2, denominator: 3, drillDown: 'ho-so/thong-ke?nam=2025' },
      { id: 'dossiers.fast_track_weeks', value: 22.2, numerator: 2, denominator: 9, drillDown: 'ho-so/cai-dat' },
      { id: 'dossiers.home_service_served', value: 50, numerator: 1, denominator: 2, drillDown: 'ho-so/phuc-vu-tai-nha' },
      { id: 'dossiers.overdue_apologised', value: 50, numerator: 1, denominator: 2, drillDown: 'ho-so?han=qua-han' },
    ]);
    const none = await dossierIndicatorSource.compute({ db: t.appDb, unitId, year: 2024, ...vnYearBounds(2024), now });
    expect(none.map((v) => v.value)).toEqual([null, null, null, null]);
  });
});
