import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../../core/tenancy.js';
import type { OnlineStatsSource } from '../../transparency/index.js';

type Figure = Awaited<ReturnType<OnlineStatsSource['monthlyFigures']>> extends Array<infer F> | null ? F : never;

/**
 * Live figures for the transparency module's statistics page: per month and field, received
 * online / in person (month of receipt) and resolved / resolved on time or early (month of result).
 */
export const dossierOnlineStats: OnlineStatsSource = {
  id: 'dossiers',
  describe: (lang) => (lang === 'en' ? 'dossiers tracked by the one-stop section' : 'hồ sơ theo dõi tại Bộ phận Một cửa'),
  async monthlyFigures(db: Kysely<any>, unitId: string, year: number) {
    const rows = await withUnit(db, unitId, async (trx) => (await sql<{ month: number; field: string; online: number; in_person: number; resolved: number; in_time: number }>`
      with r as (
        select extract(month from dossier_vn_month(received_at))::int as month, field, (channel = 'online')::int as online,
               (channel <> 'online')::int as in_person, 0 as resolved, 0 as in_time
          from dossiers where unit_id = ${unitId} and extract(year from dossier_vn_month(received_at)) = ${year}
        union all
        select extract(month from dossier_vn_month(result_at))::int, field, 0, 0, 1,
               (dossier_timing(result_at, due_date) in ('early', 'on_time'))::int
          from dossiers where unit_id = ${unitId} and result_at is not null and extract(year from dossier_vn_month(result_at)) = ${year}
      )
      select month, field, sum(online)::int as online, sum(in_person)::int as in_person, sum(resolved)::int as resolved, sum(in_time)::int as in_time
      from r group by month, field order by month, field`.execute(trx)).rows);
    if (!rows.length) return null;
    return rows.map((r): Figure => ({
      year, month: r.month, field: r.field || 'Khác', receivedOnline: r.online, receivedInPerson: r.in_person, resolved: r.resolved, resolvedOnTime: r.in_time,
    }));
  },
};
