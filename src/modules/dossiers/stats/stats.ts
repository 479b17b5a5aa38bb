import { sql, type Kysely } from 'kysely';
import { withUnits } from '../../../core/tenancy.js';

export interface Outcome { received: number; finished: number; early: number; on_time: number; late: number; avg_days: number | null }
export interface MonthRow extends Outcome { month: number; online: number; apologies: number; late_apologies: number; fast_track_received: number; fast_track_same_day: number; home_service: number }
export interface GroupRow extends Outcome { key: string }

export interface DossierStats {
  year: number;
  units: number;
  totals: MonthRow & { online_rate: number | null; in_time_rate: number | null };
  byMonth: MonthRow[];
  byField: GroupRow[];
  byProcedure: GroupRow[];
  byOfficer: GroupRow[];
}

const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);

/**
 * Monthly figures of the units for a year, from the pre-aggregated table (kept by triggers).
 * The city dashboard query: ≤ 114 units × 12 rows, summed per month.
 */
export async function monthlyFigures(trx: Kysely<any>, unitIds: string[], year: number): Promise<MonthRow[]> {
  const r = await sql<MonthRow>`
    select extract(month from month)::int as month, sum(received)::int as received, sum(online)::int as online,
      sum(finished)::int as finished, sum(early)::int as early, sum(on_time)::int as on_time, sum(late)::int as late,
      case when sum(finished) > 0 then round(sum(processing_days) / sum(finished), 2)::float8 end as avg_days,
      sum(apologies)::int as apologies, sum(late_apologies)::int as late_apologies,
      sum(fast_track_received)::int as fast_track_received, sum(fast_track_same_day)::int as fast_track_same_day,
      sum(home_service)::int as home_service
    from dossier_monthly_stats
    where unit_id = any(${unitIds}::uuid[]) and month >= make_date(${year}, 1, 1) and month < make_date(${year} + 1, 1, 1)
    group by month order by month`.execute(trx);
  return r.rows;
}

type GroupColumn = 'field' | 'procedure_name' | 'officer_name';

/** Outcomes grouped by field, procedure or officer, for dossiers received in the year. */
async function groupedOutcomes(trx: Kysely<any>, unitIds: string[], year: number, column: GroupColumn): Promise<GroupRow[]> {
  const r = await sql<GroupRow>`
    select coalesce(nullif(${sql.ref(column)}, ''), '—') as key, count(*)::int as received,
      count(result_at)::int as finished,
      count(*) filter (where dossier_timing(result_at, due_date) = 'early')::int as early,
      count(*) filter (where dossier_timing(result_at, due_date) = 'on_time')::int as on_time,
      count(*) filter (where dossier_timing(result_at, due_date) = 'late')::int as late,
      round(avg(extract(epoch from result_at - coalesce(accepted_at, received_at)) / 86400.0)::numeric, 2)::float8 as avg_days
    from dossiers
    where unit_id = any(${unitIds}::uuid[]) and dossier_vn_day(received_at) >= make_date(${year}, 1, 1)
      and dossier_vn_day(received_at) < make_date(${year} + 1, 1, 1)
    group by 1 order by received desc, key limit 50`.execute(trx);
  return r.rows;
}

function totalsOf(rows: MonthRow[]): DossierStats['totals'] {
  const sum = (k: keyof MonthRow) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const finished = sum('finished');
  const weighted = rows.reduce((s, r) => s + (r.avg_days ?? 0) * r.finished, 0);
  const t = {
    month: 0, received: sum('received'), online: sum('online'), finished, early: sum('early'), on_time: sum('on_time'), late: sum('late'),
    avg_days: finished ? Math.round((weighted / finished) * 100) / 100 : null, apologies: sum('apologies'), late_apologies: sum('late_apologies'),
    fast_track_received: sum('fast_track_received'), fast_track_same_day: sum('fast_track_same_day'), home_service: sum('home_service'),
  };
  return { ...t, online_rate: pct(t.online, t.received), in_time_rate: pct(t.early + t.on_time, t.early + t.on_time + t.late) };
}

/**
 * Statistics of the units' dossiers in a year: on-time/early/late, online vs in person, average
 * processing time, apologies; by month, field, procedure and receiving officer. A city passes its
 * children's ids. `detail: false` skips the grouped tables (the city dashboard needs months only).
 */
export async function dossierStats(db: Kysely<any>, unitIds: string[], year: number, opts: { detail?: boolean } = {}): Promise<DossierStats> {
  return withUnits(db, unitIds, async (trx) => {
    const byMonth = await monthlyFigures(trx, unitIds, year);
    const detail = opts.detail ?? true;
    const [byField, byProcedure, byOfficer] = detail
      ? [await groupedOutcomes(trx, unitIds, year, 'field'), await groupedOutcomes(trx, unitIds, year, 'procedure_name'), await groupedOutcomes(trx, unitIds, year, 'officer_name')]
      : [[], [], []];
    return { year, units: unitIds.length, totals: totalsOf(byMonth), byMonth, byField, byProcedure, byOfficer };
  });
}

/**
 * Apologies (Mẫu 04) counted publicly: how many were issued and how many of them late (after the
 * due date had passed), for dossiers received in the year (the month of receipt, like `received`).
 */
export interface ApologyCounts { year: number; total: number; late: number; in_time: number }

export const apologyCountsOf = (s: Pick<DossierStats, 'year' | 'totals'>): ApologyCounts =>
  ({ year: s.year, total: s.totals.apologies, late: s.totals.late_apologies, in_time: s.totals.apologies - s.totals.late_apologies });

/** Apology counts of the units (a city passes its children) for a year, from the monthly figures. */
export async function apologyCounts(db: Kysely<any>, unitIds: string[], year: number): Promise<ApologyCounts> {
  const byMonth = await withUnits(db, unitIds, (trx) => monthlyFigures(trx, unitIds, year));
  return apologyCountsOf({ year, totals: totalsOf(byMonth) });
}

/** The units a statistic covers: a city's children, else the unit itself. */
export async function statsUnitIds(db: Kysely<any>, unit: { id: string; type: string }): Promise<string[]> {
  if (unit.type !== 'city') return [unit.id];
  const rows = await db.selectFrom('units').select('id').where('parent_id', '=', unit.id).execute();
  return rows.map((r) => r.id as string);
}
