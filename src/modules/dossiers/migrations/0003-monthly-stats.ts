import { sql, type Kysely } from 'kysely';

/**
 * Pre-aggregated monthly figures per unit, kept current by statement-level triggers on
 * `dossiers` (transition tables): every insert/update/delete statement adds the new rows'
 * contribution and subtracts the old rows' — one upsert per statement, so a bulk import of a
 * million rows costs one aggregate, and the city dashboard reads ≤ 114 × 12 small rows.
 * Received figures count in the month of receipt; results (early/on-time/late, processing time)
 * in the month of the result. All months are Vietnam-time months.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table dossier_monthly_stats (
      unit_id uuid not null references units(id),
      month date not null,
      received int not null default 0,
      online int not null default 0,
      finished int not null default 0,
      early int not null default 0,
      on_time int not null default 0,
      late int not null default 0,
      processing_days numeric not null default 0,
      apologies int not null default 0,
      late_apologies int not null default 0,
      fast_track_received int not null default 0,
      fast_track_same_day int not null default 0,
      home_service int not null default 0,
      primary key (unit_id, month)
    )`.execute(db);
  // RLS enabled but not forced: the trigger function (security definer, owner) writes for the
  // deciding unit even when an officer of the receiving unit made the change.
  await sql`alter table dossier_monthly_stats enable row level security`.execute(db);
  await sql`create policy dossier_monthly_stats_units on dossier_monthly_stats
    using (unit_id = any (app_unit_ids())) with check (unit_id = any (app_unit_ids()))`.execute(db);

  await sql`create function dossier_vn_day(ts timestamptz) returns date language sql immutable parallel safe
    as $$ select (ts at time zone 'Asia/Ho_Chi_Minh')::date $$`.execute(db);
  await sql`create function dossier_vn_month(ts timestamptz) returns date language sql immutable parallel safe
    as $$ select date_trunc('month', ts at time zone 'Asia/Ho_Chi_Minh')::date $$`.execute(db);
  await sql`create function dossier_timing(result_at timestamptz, due date) returns text language sql immutable parallel safe
    as $$ select case when result_at is null or due is null then null
      when dossier_vn_day(result_at) < due then 'early'
      when dossier_vn_day(result_at) = due then 'on_time' else 'late' end $$`.execute(db);

  await sql.raw(STATS_TRIGGER_FUNCTION).execute(db);
  for (const op of ['insert', 'update', 'delete'] as const) {
    const ref = op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
    await sql.raw(`create trigger dossiers_stats_${op} after ${op} on dossiers referencing ${ref}
      for each statement execute function dossier_stats_apply()`).execute(db);
  }
}

/** Contribution of a set of dossier rows `%1$s` with sign `%2$s`. */
const CONTRIBUTION = `
  select unit_id, dossier_vn_month(received_at) as month, %2$s as received,
         %2$s * (channel = 'online')::int as online, 0 as finished, 0 as early, 0 as on_time, 0 as late,
         0::numeric as processing_days, %2$s * apologies as apologies, %2$s * late_apologies as late_apologies,
         %2$s * fast_track::int as fast_track_received, 0 as fast_track_same_day, %2$s * home_service::int as home_service
    from %1$s
  union all
  select unit_id, dossier_vn_month(result_at), 0, 0, %2$s,
         %2$s * (t = 'early')::int, %2$s * (t = 'on_time')::int, %2$s * (t = 'late')::int,
         %2$s * extract(epoch from result_at - coalesce(accepted_at, received_at)) / 86400.0, 0, 0, 0,
         %2$s * (fast_track and dossier_vn_day(result_at) = dossier_vn_day(received_at))::int, 0
    from (select *, dossier_timing(result_at, due_date) as t from %1$s) r where result_at is not null`;

/** PostgreSQL 15 needs an alias on every subquery in FROM: `changed` ends with one. */
export const STATS_TRIGGER_FUNCTION = `
create function dossier_stats_apply() returns trigger language plpgsql security definer set search_path = public as $fn$
declare
  parts text;
  changed text := '(select o.* from old_rows o join new_rows n using (id)
    where (o.unit_id, o.received_at, o.channel, o.result_at, o.accepted_at, o.due_date, o.apologies, o.late_apologies, o.fast_track, o.home_service)
      is distinct from (n.unit_id, n.received_at, n.channel, n.result_at, n.accepted_at, n.due_date, n.apologies, n.late_apologies, n.fast_track, n.home_service)) ch';
  changed_new text := '(select n.* from old_rows o join new_rows n using (id)
    where (o.unit_id, o.received_at, o.channel, o.result_at, o.accepted_at, o.due_date, o.apologies, o.late_apologies, o.fast_track, o.home_service)
      is distinct from (n.unit_id, n.received_at, n.channel, n.result_at, n.accepted_at, n.due_date, n.apologies, n.late_apologies, n.fast_track, n.home_service)) ch';
  contribution text := $c$${CONTRIBUTION}$c$;
begin
  if tg_op = 'INSERT' then parts := format(contribution, 'new_rows', '1');
  elsif tg_op = 'DELETE' then parts := format(contribution, 'old_rows', '-1');
  else parts := format(contribution, changed, '-1') || ' union all ' || format(contribution, changed_new, '1');
  end if;
  execute 'insert into dossier_monthly_stats as m (unit_id, month, received, online, finished, early, on_time, late,
      processing_days, apologies, late_apologies, fast_track_received, fast_track_same_day, home_service)
    select unit_id, month, sum(received), sum(online), sum(finished), sum(early), sum(on_time), sum(late),
      sum(processing_days), sum(apologies), sum(late_apologies), sum(fast_track_received), sum(fast_track_same_day), sum(home_service)
    from (' || parts || ') c group by unit_id, month
    order by unit_id, month
    on conflict (unit_id, month) do update set
      received = m.received + excluded.received, online = m.online + excluded.online,
      finished = m.finished + excluded.finished, early = m.early + excluded.early,
      on_time = m.on_time + excluded.on_time, late = m.late + excluded.late,
      processing_days = m.processing_days + excluded.processing_days,
      apologies = m.apologies + excluded.apologies, late_apologies = m.late_apologies + excluded.late_apologies,
      fast_track_received = m.fast_track_received + excluded.fast_track_received,
      fast_track_same_day = m.fast_track_same_day + excluded.fast_track_same_day,
      home_service = m.home_service + excluded.home_service';
  return null;
end $fn$`;
