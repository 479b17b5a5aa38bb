import { sql, type Kysely, type Transaction } from 'kysely';
import type { DossierStatus } from '../domain/states.js';
import type { ApologyRow, DossierEventRow, DossierRow, DossierSettings, PauseRow } from '../domain/types.js';

/** Queries on the dossier tables; always called inside withUnit/withUnits (RLS applies). */
export type Trx = Transaction<any> | Kysely<any>;
export type NewDossier = Omit<DossierRow, 'id' | 'updated_at' | 'apologies' | 'late_apologies' | 'apology_due_date' | 'warned_on' | 'returned_at' | 'result_at' | 'external_code' | 'papers'> &
  Partial<Pick<DossierRow, 'result_at' | 'returned_at' | 'external_code' | 'papers'>>;

export async function insertDossier(trx: Trx, row: NewDossier): Promise<DossierRow> {
  const d = await trx.insertInto('dossiers').values(row).returningAll().executeTakeFirstOrThrow();
  await trx.insertInto('dossier_codes').values({ code: row.code, unit_id: row.unit_id, receiving_unit_id: row.receiving_unit_id }).execute();
  // One dossier per receiving unit and external code (the key of the API's idempotency, migration 0011).
  if (row.external_code) {
    await trx.insertInto('dossier_external_codes').values({
      unit_id: row.receiving_unit_id, external_code: row.external_code, dossier_unit_id: d.unit_id, dossier_id: d.id,
    }).execute();
  }
  return d as DossierRow;
}

export async function findDossierByCode(trx: Trx, code: string): Promise<DossierRow | null> {
  return ((await trx.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst()) as DossierRow | undefined) ?? null;
}

/** The dossier a receiving unit made for a code of the sending system (API idempotency), or null. */
export async function findByExternalCode(trx: Trx, receivingUnitId: string, externalCode: string): Promise<DossierRow | null> {
  return ((await trx.selectFrom('dossiers').selectAll().where('receiving_unit_id', '=', receivingUnitId)
    .where('external_code', '=', externalCode).executeTakeFirst()) as DossierRow | undefined) ?? null;
}

/** Serialises receipts of one external code at one unit until the transaction ends. */
export async function lockExternalCode(trx: Trx, receivingUnitId: string, externalCode: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`dossier-external:${receivingUnitId}:${externalCode}`}, 0))`.execute(trx);
}

/** Locks the row for a transition (no two officers move the same dossier at once). */
export async function lockDossierByCode(trx: Trx, code: string): Promise<DossierRow | null> {
  return ((await trx.selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirst()) as DossierRow | undefined) ?? null;
}

export async function updateDossier(trx: Trx, id: string, patch: Partial<DossierRow>): Promise<DossierRow> {
  return (await trx.updateTable('dossiers').set({ ...patch, updated_at: new Date() }).where('id', '=', id)
    .returningAll().executeTakeFirstOrThrow()) as DossierRow;
}

export async function insertEvent(trx: Trx, d: Pick<DossierRow, 'id' | 'unit_id' | 'receiving_unit_id'>,
  e: { at: Date; action: string; from_status: DossierStatus | null; to_status: DossierStatus; officer_id: string | null; officer_name: string | null; note?: string | null }): Promise<void> {
  await trx.insertInto('dossier_events').values({
    unit_id: d.unit_id, receiving_unit_id: d.receiving_unit_id, dossier_id: d.id, ...e, note: e.note ?? null,
  }).execute();
}

export async function listEvents(trx: Trx, dossierId: string): Promise<DossierEventRow[]> {
  return (await trx.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('at').orderBy('id').execute()) as DossierEventRow[];
}

export async function openPause(trx: Trx, d: Pick<DossierRow, 'id' | 'unit_id' | 'receiving_unit_id'>, at: Date): Promise<void> {
  await trx.insertInto('dossier_pauses').values({ unit_id: d.unit_id, receiving_unit_id: d.receiving_unit_id, dossier_id: d.id, started_at: at }).execute();
}

export async function closePauses(trx: Trx, dossierId: string, at: Date): Promise<void> {
  await trx.updateTable('dossier_pauses').set({ ended_at: at }).where('dossier_id', '=', dossierId).where('ended_at', 'is', null).execute();
}

export async function listPauses(trx: Trx, dossierId: string): Promise<PauseRow[]> {
  return (await trx.selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', dossierId).orderBy('started_at').execute()) as PauseRow[];
}

export async function insertApology(trx: Trx, d: Pick<DossierRow, 'id' | 'unit_id' | 'receiving_unit_id'>, a: Omit<ApologyRow, 'id' | 'dossier_id' | 'sent_at' | 'sent_by'> & { issued_by: string | null }): Promise<ApologyRow> {
  return (await trx.insertInto('dossier_apologies').values({ unit_id: d.unit_id, receiving_unit_id: d.receiving_unit_id, dossier_id: d.id, ...a })
    .returningAll().executeTakeFirstOrThrow()) as ApologyRow;
}

export async function listApologies(trx: Trx, dossierId: string): Promise<ApologyRow[]> {
  return (await trx.selectFrom('dossier_apologies').selectAll().where('dossier_id', '=', dossierId).orderBy('number').execute()) as ApologyRow[];
}

/** Next daily sequence number of a unit (Vietnam day), for the dossier code. */
export async function nextSequence(trx: Trx, unitId: string, day: string): Promise<number> {
  const r = await sql<{ last: number }>`insert into dossier_code_sequences (unit_id, day, last) values (${unitId}, ${day}, 1)
    on conflict (unit_id, day) do update set last = dossier_code_sequences.last + 1 returning last`.execute(trx);
  return r.rows[0].last;
}

/** The unit's dossier settings; defaults when never saved (agency code from the unit code). */
export async function getSettings(trx: Trx, unitId: string): Promise<DossierSettings> {
  const row = await trx.selectFrom('dossier_settings').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
  if (row) return row as DossierSettings;
  const unit = await trx.selectFrom('units').select(['code', 'name']).where('id', '=', unitId).executeTakeFirst();
  return {
    unit_id: unitId, agency_code: `H31.${String(unit?.code ?? '0').replace(/[^0-9A-Za-z]/g, '').slice(0, 6) || '0'}`,
    collect_place: '', fast_track_weekday: null, fast_track_procedures: [], leader_name: '', leader_title: 'CHỦ TỊCH',
  };
}

export async function saveSettings(trx: Trx, s: DossierSettings): Promise<void> {
  const { unit_id, ...rest } = s;
  await trx.insertInto('dossier_settings').values({ ...s, updated_at: new Date() })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...rest, updated_at: new Date() })).execute();
}

/** Units of a dossier code (public look-up table, no RLS, nothing personal). */
export async function unitsOfCode(db: Trx, code: string): Promise<{ unit_id: string; receiving_unit_id: string } | null> {
  return (await db.selectFrom('dossier_codes').select(['unit_id', 'receiving_unit_id']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function unitSlug(db: Trx, id: string): Promise<string | null> {
  return ((await db.selectFrom('units').select('slug').where('id', '=', id).executeTakeFirst())?.slug as string | undefined) ?? null;
}

/** A commune-level unit by its slug (the city itself takes no dossiers). */
export async function communeUnitBySlug(db: Trx, slug: string): Promise<{ id: string; slug: string } | undefined> {
  return (await db.selectFrom('units').select(['id', 'slug']).where('slug', '=', slug).where('type', '<>', 'city')
    .executeTakeFirst()) as { id: string; slug: string } | undefined;
}

/** Units that may decide a dossier (every commune-level unit), by name. */
export function decidingUnits(db: Trx): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('units').select(['id', 'name']).where('type', '<>', 'city').orderBy('name')
    .execute() as Promise<Array<{ id: string; name: string }>>;
}

export async function unitNames(db: Trx, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']).execute();
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

/**
 * The number of a dossier's form in the unit's register of that form type and year: the one it
 * was first issued with, else the next (serialised per register, so never skipped nor reused).
 * SQL: insert into dossier_form_numbers … select coalesce(max(number), 0) + 1 … (under an advisory lock)
 */
export async function allocateFormNumber(trx: Trx, unitId: string, dossierId: string, form: string, year: number): Promise<number> {
  const known = await sql<{ number: number }>`
    select number from dossier_form_numbers where unit_id = ${unitId} and dossier_id = ${dossierId} and form = ${form}`.execute(trx);
  if (known.rows[0]) return known.rows[0].number;
  await sql`select pg_advisory_xact_lock(hashtext(${`form-number:${unitId}:${form}:${year}`}))`.execute(trx);
  const { rows } = await sql<{ number: number }>`
    insert into dossier_form_numbers (unit_id, dossier_id, form, year, number)
    select ${unitId}, ${dossierId}, ${form}, ${year}, coalesce(max(number), 0) + 1
    from dossier_form_numbers where unit_id = ${unitId} and form = ${form} and year = ${year}
    on conflict (unit_id, dossier_id, form) do update set number = dossier_form_numbers.number
    returning number`.execute(trx);
  return rows[0].number;
}
