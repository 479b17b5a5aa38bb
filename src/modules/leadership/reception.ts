/** Citizen reception sessions (tiếp công dân) and the reception book (sổ tiếp công dân). */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';

type Db = Kysely<any> | Transaction<any>;

/** regular: per the published schedule (the chairman: ≥ 1 day a week, Law on Citizen Reception art. 15);
 *  head_monthly: the head's own monthly session (the programme); ad_hoc: dialogue when an issue arises. */
export const SESSION_KINDS = ['regular', 'head_monthly', 'ad_hoc'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const CLASSIFICATIONS = ['complaint', 'denunciation', 'petition', 'other'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface Session { id: string; kind: SessionKind; held_on: string; host_user_id: string | null; host_name: string; host_title: string | null; place: string; topic: string | null; entries: number }
export interface Entry { id: string; session_id: string; seq: number; people: number; matter: string; classification: Classification; handling: string; case_id: string | null }
export interface BookRow extends Entry { held_on: string; host_name: string; kind: SessionKind; visitor: string }

export function listSessions(trx: Db, limit = 50, offset = 0): Promise<Session[]> {
  return trx.selectFrom('leadership_receptions as s')
    .select(['s.id', 's.kind', 's.held_on', 's.host_user_id', 's.host_name', 's.host_title', 's.place', 's.topic'])
    .select(sql<number>`(select count(*)::int from leadership_reception_entries e where e.session_id = s.id)`.as('entries'))
    .orderBy('s.held_on', 'desc').limit(limit).offset(offset).execute() as Promise<Session[]>;
}

export function getSession(trx: Db, id: string): Promise<Session | undefined> {
  return trx.selectFrom('leadership_receptions').selectAll().select(sql<number>`0`.as('entries'))
    .where('id', '=', id).executeTakeFirst() as Promise<Session | undefined>;
}

export function listEntries(trx: Db, sessionId: string): Promise<Entry[]> {
  return trx.selectFrom('leadership_reception_entries').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute() as Promise<Entry[]>;
}

export async function addSession(trx: Db, unitId: string, s: Omit<Session, 'id' | 'entries'>): Promise<string> {
  const r = await trx.insertInto('leadership_receptions').values({ unit_id: unitId, ...s }).returning('id').executeTakeFirstOrThrow();
  return r.id as string;
}

export async function addEntry(trx: Db, unitId: string, e: Omit<Entry, 'id' | 'seq'>): Promise<string> {
  const { rows } = await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from leadership_reception_entries where session_id = ${e.session_id}`.execute(trx);
  const r = await trx.insertInto('leadership_reception_entries').values({ unit_id: unitId, ...e, seq: rows[0].n }).returning('id').executeTakeFirstOrThrow();
  return r.id as string;
}

export interface MonthCount { month: string; head: number; regular: number; adHoc: number }

/** Sessions per month of the year so far, newest month first, by kind. */
export async function sessionsPerMonth(trx: Db, yearStart: string, today: string): Promise<MonthCount[]> {
  return (await sql<MonthCount>`select to_char(m, 'MM/YYYY') as month,
        (select count(*)::int from leadership_receptions s where s.kind = 'head_monthly' and date_trunc('month', s.held_on) = m) as head,
        (select count(*)::int from leadership_receptions s where s.kind = 'regular' and date_trunc('month', s.held_on) = m) as regular,
        (select count(*)::int from leadership_receptions s where s.kind = 'ad_hoc' and date_trunc('month', s.held_on) = m) as "adHoc"
      from generate_series(${yearStart}::date, ${today}::date, interval '1 month') m order by m desc`.execute(trx)).rows;
}

export async function hostedSessionDays(trx: Db, hostUserId: string, from: string, to: string): Promise<string[]> {
  const { rows } = await sql<{ held_on: string }>`select held_on from leadership_receptions where host_user_id = ${hostUserId}
      and held_on >= ${from} and held_on <= ${to}`.execute(trx);
  return rows.map((r) => r.held_on);
}

/**
 * The reception book for a period. Visitors' names are shown for complaints, petitions and other
 * matters; a denouncer's name is never printed (Law on Denunciations art. 48), whoever exports.
 */
export async function receptionBook(trx: Db, from: string, to: string): Promise<BookRow[]> {
  const rows = await sql<BookRow & { names: string | null }>`select e.*, s.held_on, s.host_name, s.kind,
      (select string_agg(i.name, ', ' order by i.id) from leadership_identities i where i.owner_kind = 'reception_entry' and i.owner_id = e.id) as names
    from leadership_reception_entries e join leadership_receptions s on s.id = e.session_id
    where s.held_on >= ${from} and s.held_on <= ${to} order by s.held_on, e.seq`.execute(trx);
  return rows.rows.map(({ names, ...r }) => ({ ...r, visitor: visitorLabel(r.classification, names) }));
}

export function visitorLabel(classification: Classification, names: string | null): string {
  if (classification === 'denunciation') return 'Người tố cáo (giữ bí mật)';
  return names ?? '—';
}
