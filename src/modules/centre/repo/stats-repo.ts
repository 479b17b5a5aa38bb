import { sql } from 'kysely';
import type { TicketFact, Score } from '../domain/stats.js';
import type { Trx } from './types.js';

/** How facts name their groups: the page passes the reader's language and i18n "Quầy {n}". */
export interface FactLabels {
  service(s: { name_vi: string; name_en: string }): string;
  counter(n: number): string;
}
const PLAIN: FactLabels = { service: (s) => s.name_vi, counter: (n) => String(n) };

/** Tickets taken in [from, to), as facts for the statistics. */
export async function ticketFacts(trx: Trx, unitId: string, from: Date, to: Date, labels: FactLabels = PLAIN): Promise<TicketFact[]> {
  const { rows } = await sql<{ name_vi: string; name_en: string; counter: number | null; status: TicketFact['status'];
    created_at: Date; called_at: Date | null; started_at: Date | null; finished_at: Date | null }>`
    select s.name_vi, s.name_en, c.number as counter, t.status, t.created_at, t.called_at, t.started_at, t.finished_at
    from centre_tickets t join centre_services s on s.id = t.service_id
      left join centre_counters c on c.id = t.counter_id
    where t.unit_id = ${unitId} and t.created_at >= ${from} and t.created_at < ${to} and t.status <> 'cancelled'`.execute(trx);
  return rows.map((r) => ({
    service: labels.service(r), counter: r.counter === null ? null : labels.counter(r.counter), status: r.status,
    createdAt: r.created_at, calledAt: r.called_at, startedAt: r.started_at, finishedAt: r.finished_at,
  }));
}

export interface RatingFact { kind: 'counter' | 'reception'; score: Score; counter: number | null; officer: string | null; service: string | null; reasons: string[] }

/** Ratings given in [from, to). Officer names come from the core's users table when visible. */
export async function ratingFacts(trx: Trx, unitId: string, from: Date, to: Date): Promise<RatingFact[]> {
  const { rows } = await sql<RatingFact>`select r.kind, r.score, c.number as counter, s.name_vi as service,
      r.officer_user_id::text as officer, r.reasons
    from centre_ratings r left join centre_counters c on c.id = r.counter_id
      left join centre_services s on s.id = r.service_id
    where r.unit_id = ${unitId} and r.created_at >= ${from} and r.created_at < ${to}`.execute(trx);
  return rows;
}

export interface RecentRating { created_at: Date; kind: string; score: Score; counter: number | null; comment: string | null; reasons: string[]; reception_ref: string | null }

export async function recentComments(trx: Trx, unitId: string, from: Date, to: Date, limit = 30): Promise<RecentRating[]> {
  const { rows } = await sql<RecentRating>`select r.created_at, r.kind, r.score, c.number as counter, r.comment, r.reasons, r.reception_ref
    from centre_ratings r left join centre_counters c on c.id = r.counter_id
    where r.unit_id = ${unitId} and r.created_at >= ${from} and r.created_at < ${to} and r.comment is not null
    order by r.created_at desc limit ${limit}`.execute(trx);
  return rows;
}

/** Ratings recorded in [from, to) through one channel (`device`: the counters' rating devices). */
export async function ratingCountByChannel(trx: Trx, unitId: string, channel: 'device' | 'qr' | 'api', from: Date, to: Date): Promise<number> {
  const { rows: [r] } = await sql<{ n: number }>`select count(*)::int as n from centre_ratings
    where unit_id = ${unitId} and channel = ${channel} and created_at >= ${from} and created_at < ${to}`.execute(trx);
  return r.n;
}
