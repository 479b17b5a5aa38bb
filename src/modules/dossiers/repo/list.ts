import { sql } from 'kysely';
import type { DossierStatus } from '../domain/states.js';
import type { DossierRow } from '../domain/types.js';
import type { Trx } from './dossiers.js';

export interface ListFilter {
  status?: DossierStatus;
  /** 'overdue': due date passed, no result yet; 'due_soon': due between today and `soonUntil`. */
  deadline?: 'overdue' | 'due_soon' | 'due_today';
  homeService?: boolean;
  /** Only dossiers with an apology waiting to be sent by hand (SMS, "chờ gửi"). */
  apologyPending?: boolean;
  q?: string;
  today: string;
  soonUntil: string;
  page: number;
  pageSize: number;
}

const PENDING: DossierStatus[] = ['received', 'supplement_requested', 'supplemented', 'processing'];

/** One page of a unit's dossiers (deciding or receiving), newest first, and the total count. */
export async function listDossiers(trx: Trx, unitId: string, f: ListFilter): Promise<{ rows: DossierRow[]; total: number }> {
  let q = trx.selectFrom('dossiers').where((eb) => eb.or([eb('unit_id', '=', unitId), eb('receiving_unit_id', '=', unitId)]));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.homeService) q = q.where('home_service', '=', true);
  if (f.apologyPending) {
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('dossier_apologies as a').select(sql.lit(1).as('x'))
      .whereRef('a.dossier_id', '=', 'dossiers.id').where('a.send_status', '=', 'pending')));
  }
  if (f.deadline === 'overdue') q = q.where('status', 'in', PENDING).where('due_date', '<', f.today);
  if (f.deadline === 'due_today') q = q.where('status', 'in', PENDING).where('due_date', '=', f.today);
  if (f.deadline === 'due_soon') q = q.where('status', 'in', PENDING).where('due_date', '>=', f.today).where('due_date', '<=', f.soonUntil);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('applicant_name', 'ilike', like), eb('procedure_name', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('received_at', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as DossierRow[], total: Number(count.n) };
}

export interface TodayCounts { dueToday: number; overdue: number; awaitingSupplement: number }

/**
 * The staff board's counts, with the same rules as the list filters they link to
 * (`?han=hom-nay`, `?han=qua-han`, `?trang-thai=supplement_requested`).
 */
export async function todayCounts(trx: Trx, unitId: string, today: string): Promise<TodayCounts> {
  const pending = sql.join(PENDING);
  const r = await trx.selectFrom('dossiers').where((eb) => eb.or([eb('unit_id', '=', unitId), eb('receiving_unit_id', '=', unitId)]))
    .select([
      sql<number>`count(*) filter (where status in (${pending}) and due_date = ${today}::date)::int`.as('due_today'),
      sql<number>`count(*) filter (where status in (${pending}) and due_date < ${today}::date)::int`.as('overdue'),
      sql<number>`count(*) filter (where status = 'supplement_requested')::int`.as('supplement'),
    ]).executeTakeFirstOrThrow();
  return { dueToday: Number(r.due_today), overdue: Number(r.overdue), awaitingSupplement: Number(r.supplement) };
}

/** How many apologies of a unit's dossiers (deciding or receiving) wait to be sent by hand. */
export async function pendingApologyCount(trx: Trx, unitId: string): Promise<number> {
  const r = await trx.selectFrom('dossier_apologies').select(sql<number>`count(*)::int`.as('n')).where('send_status', '=', 'pending')
    .where((eb) => eb.or([eb('unit_id', '=', unitId), eb('receiving_unit_id', '=', unitId)])).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Pending dossiers of a unit whose promised date — the apology's new date when one was issued,
 * else the due date — is on or before `until` (for the overdue job), earliest first.
 */
export async function pendingDueBy(trx: Trx, unitId: string, until: string): Promise<DossierRow[]> {
  const promised = sql<string>`coalesce(apology_due_date, due_date)`;
  return (await trx.selectFrom('dossiers').selectAll().where('unit_id', '=', unitId).where('status', 'in', PENDING)
    .where(promised, '<=', until).orderBy(promised).limit(500).execute()) as DossierRow[];
}

/** Dossiers of a unit received in [from, to) for the tracking book. */
/** Dossiers the unit decides or received at its desk (Decree 118/2025 routing), received in [from, to). */
export async function dossiersReceivedBetween(trx: Trx, unitId: string, from: Date, to: Date): Promise<DossierRow[]> {
  return (await trx.selectFrom('dossiers').selectAll().where((eb) => eb.or([eb('unit_id', '=', unitId), eb('receiving_unit_id', '=', unitId)]))
    .where('received_at', '>=', from).where('received_at', '<', to).orderBy('received_at').limit(20_000).execute()) as DossierRow[];
}

/** First hand-over to the processing body and first return of the result to the desk, per dossier (Mẫu 05). */
export async function handOversByDossier(trx: Trx, ids: string[]): Promise<Map<string, { handedOverAt: Date | null; resultReceivedAt: Date | null }>> {
  if (!ids.length) return new Map();
  const rows = await sql<{ dossier_id: string; handed: Date | null; result: Date | null }>`
    select dossier_id, min(at) filter (where action = 'start_processing') as handed, min(at) filter (where action = 'mark_result_ready') as result
    from dossier_events where dossier_id = any(${ids}::uuid[]) and action in ('start_processing', 'mark_result_ready') group by dossier_id`.execute(trx);
  return new Map(rows.rows.map((r) => [r.dossier_id, { handedOverAt: r.handed, resultReceivedAt: r.result }]));
}
