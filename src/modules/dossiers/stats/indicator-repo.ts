import { sql, type Kysely } from 'kysely';

/** When the unit's fast-track dossiers of [from, to) were received. */
export async function fastTrackReceipts(trx: Kysely<any>, unitId: string, from: Date, to: Date): Promise<Date[]> {
  const { rows } = await sql<{ received_at: Date }>`select received_at from dossiers
    where unit_id = ${unitId} and fast_track and received_at >= ${from} and received_at < ${to}`.execute(trx);
  return rows.map((r) => r.received_at);
}

/** Dossiers of the unit received in [from, to), to tell "no data" from "none of them". */
export async function dossiersReceived(trx: Kysely<any>, unitId: string, from: Date, to: Date): Promise<number> {
  const { rows: [r] } = await sql<{ n: number }>`select count(*)::int as n from dossiers
    where unit_id = ${unitId} and received_at >= ${from} and received_at < ${to}`.execute(trx);
  return r.n;
}

/** Home-service requests made in [from, to), cancelled ones left out, and how many were delivered. */
export async function homeRequestsServed(trx: Kysely<any>, unitId: string, from: Date, to: Date): Promise<{ received: number; served: number }> {
  const { rows: [r] } = await sql<{ received: number; served: number }>`select count(*)::int as received,
      count(*) filter (where status = 'delivered')::int as served
    from dossier_home_requests where unit_id = ${unitId} and status <> 'cancelled' and created_at >= ${from} and created_at < ${to}`.execute(trx);
  return r;
}

/**
 * Dossiers that went past their due date in [fromDay, today) — settled late, or still open with
 * the date passed (as the list's "quá hạn" filter) — and how many of them
 * have an apology (Mẫu 04).
 */
export async function overdueApologised(
  trx: Kysely<any>, unitId: string, fromDay: string, toDay: string, today: string,
): Promise<{ overdue: number; apologised: number }> {
  const { rows: [r] } = await sql<{ overdue: number; apologised: number }>`select count(*)::int as overdue,
      count(*) filter (where apologies > 0)::int as apologised
    from dossiers
    where unit_id = ${unitId} and due_date >= ${fromDay}::date and due_date < ${toDay}::date and due_date < ${today}::date
      and (dossier_timing(result_at, due_date) = 'late'
        or (result_at is null and status in ('received', 'supplement_requested', 'supplemented', 'processing')))`.execute(trx);
  return r;
}
