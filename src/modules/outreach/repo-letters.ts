import { sql, type Kysely, type Transaction } from 'kysely';
import { foldDiacritics } from '../../lib/vn-text/index.js';
import type { LetterKind } from './domain/kinds.js';

/** Lower case without diacritics: "Lê Thị Mai" and "le thi mai" find each other. */
export const searchKey = (s: string): string => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();

export type Trx = Transaction<any> | Kysely<any>;
export type LetterStatus = 'draft' | 'signed' | 'sent' | 'handed_over';
export type LetterChannel = 'in_person' | 'post' | 'email' | 'zalo';

export interface LetterRow {
  id: string; unit_id: string; kind: LetterKind; year: number; seq: number; status: LetterStatus; channel: LetterChannel;
  recipient_name: string; honorific: string; recipient_address: string | null; recipient_email: string | null;
  recipient_phone: string | null; birth_year: number | null; gender: 'male' | 'female' | null; subject: string; body: string;
  source: string; source_ref: string | null; fields: Record<string, string>; with_signature: boolean; issued_on: string;
  created_at: Date; created_by: string | null; signed_at: Date | null; sent_at: Date | null; handed_over_at: Date | null;
  deleted_at: Date | null;
}

/**
 * Takes the next number of a kind in a year. The row is only ever incremented (never decremented
 * when a draft is deleted), so a number is never given twice; the row lock serialises writers.
 * insert into letter_sequences … on conflict (unit_id, year, kind) do update set last = last + 1 returning last
 */
export async function nextLetterSeq(trx: Trx, unitId: string, year: number, kind: LetterKind): Promise<number> {
  const r = await sql<{ last: number }>`
    insert into letter_sequences (unit_id, year, kind, last) values (${unitId}, ${year}, ${kind}, 1)
    on conflict (unit_id, year, kind) do update set last = letter_sequences.last + 1
    returning last`.execute(trx);
  return r.rows[0].last;
}

export type NewLetter = Omit<LetterRow, 'id' | 'created_at' | 'signed_at' | 'sent_at' | 'handed_over_at' | 'deleted_at' | 'status'> & { status?: LetterStatus };

export async function insertLetter(trx: Trx, row: NewLetter): Promise<LetterRow> {
  const search = searchKey([row.recipient_name, row.subject, row.source_ref ?? '', row.recipient_address ?? ''].join(' '));
  return trx.insertInto('letters').values({ ...row, fields: JSON.stringify(row.fields), search })
    .returningAll().executeTakeFirstOrThrow() as Promise<LetterRow>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

export const getLetter = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('letters').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<LetterRow | undefined>;

export interface LetterFilter { kind?: LetterKind; status?: LetterStatus; year?: number; q?: string; includeDeleted?: boolean }

function filtered(trx: Trx, unitId: string, f: LetterFilter) {
  let q = trx.selectFrom('letters').where('unit_id', '=', unitId);
  if (!f.includeDeleted) q = q.where('deleted_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.year) q = q.where('year', '=', f.year);
  if (f.q) q = q.where('search', 'like', `%${searchKey(f.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q;
}

export async function listLetters(trx: Trx, unitId: string, f: LetterFilter, limit: number, offset: number): Promise<{ rows: LetterRow[]; total: number }> {
  const rows = await filtered(trx, unitId, f).selectAll().orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(limit).offset(offset).execute();
  const { n } = await filtered(trx, unitId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows as LetterRow[], total: Number(n) };
}

export async function updateLetter(trx: Trx, unitId: string, id: string, set: Record<string, unknown>): Promise<LetterRow> {
  return trx.updateTable('letters').set(set).where('unit_id', '=', unitId).where('id', '=', id).returningAll().executeTakeFirstOrThrow() as Promise<LetterRow>;
}

/** Letters already made from a source record (a dossier code, an initiative id…). */
export const lettersBySource = (trx: Trx, unitId: string, kind: LetterKind, refs: string[]) =>
  refs.length ? trx.selectFrom('letters').select(['id', 'source_ref', 'status', 'seq', 'year']).where('unit_id', '=', unitId).where('kind', '=', kind)
    .where('source_ref', 'in', refs).where('deleted_at', 'is', null).execute() : Promise.resolve([]);

/** The live letter of a kind made from one source record (e.g. the thank-you letter for a contribution). */
export async function letterIdBySource(trx: Trx, unitId: string, kind: LetterKind, sourceRef: string): Promise<string | undefined> {
  const made = await trx.selectFrom('letters').select('id').where('unit_id', '=', unitId).where('kind', '=', kind)
    .where('source_ref', '=', sourceRef).where('deleted_at', 'is', null).executeTakeFirst();
  return made?.id as string | undefined;
}

export function listTemplates(trx: Trx, unitId: string): Promise<Array<{ kind: LetterKind; subject: string; body: string }>> {
  return trx.selectFrom('letter_templates').select(['kind', 'subject', 'body']).where('unit_id', '=', unitId).execute() as Promise<any>;
}

export async function templateOf(trx: Trx, unitId: string, kind: LetterKind): Promise<{ subject: string; body: string } | undefined> {
  return trx.selectFrom('letter_templates').select(['subject', 'body']).where('unit_id', '=', unitId).where('kind', '=', kind).executeTakeFirst();
}

export async function saveTemplate(trx: Trx, unitId: string, kind: LetterKind, subject: string, body: string): Promise<void> {
  await trx.insertInto('letter_templates').values({ unit_id: unitId, kind, subject, body })
    .onConflict((oc) => oc.columns(['unit_id', 'kind']).doUpdateSet({ subject, body, updated_at: new Date() })).execute();
}

export const settingsOf = (trx: Trx, unitId: string) =>
  trx.selectFrom('letter_settings').selectAll().where('unit_id', '=', unitId).executeTakeFirst();

export async function saveSettings(trx: Trx, unitId: string, set: Record<string, unknown>): Promise<void> {
  await trx.insertInto('letter_settings').values({ unit_id: unitId, ...set })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...set, updated_at: new Date() })).execute();
}

export interface VisitRow { id: string; letter_id: string; kind: 'visit' | 'funeral'; visited_on: string; attendees: string; note: string }

export const visitsOf = (trx: Trx, unitId: string, letterId: string) =>
  trx.selectFrom('letter_visits').selectAll().where('unit_id', '=', unitId).where('letter_id', '=', letterId).orderBy('visited_on').execute() as Promise<VisitRow[]>;

export async function insertVisit(trx: Trx, unitId: string, v: Omit<VisitRow, 'id'>): Promise<VisitRow> {
  return trx.insertInto('letter_visits').values({ unit_id: unitId, ...v }).returningAll().executeTakeFirstOrThrow() as Promise<VisitRow>;
}

export interface InitiativeRow { id: string; title: string; citizen_name: string; description: string; recognised_on: string }

export const listInitiatives = (trx: Trx, unitId: string) =>
  trx.selectFrom('initiatives').selectAll().where('unit_id', '=', unitId).orderBy('recognised_on', 'desc').execute() as Promise<InitiativeRow[]>;

export const getInitiative = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('initiatives').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<InitiativeRow | undefined>;

export async function insertInitiative(trx: Trx, unitId: string, v: Omit<InitiativeRow, 'id'>): Promise<InitiativeRow> {
  return trx.insertInto('initiatives').values({ unit_id: unitId, ...v }).returningAll().executeTakeFirstOrThrow() as Promise<InitiativeRow>;
}
