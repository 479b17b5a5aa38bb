import { sql, type Kysely, type Transaction } from 'kysely';
import { dataToColumns, procedureData, PROCEDURE_COLUMNS, rowToProcedure, type ProcedureRow } from './row-mapping.js';
import type { Procedure, ProcedureData, ProcedureVersion } from './types.js';

/** Tenant queries: call inside withUnit(...) so that RLS sees the unit. */
export type Db = Kysely<any> | Transaction<any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListFilter {
  field?: string;
  needsReview?: boolean;
  publishedOnly?: boolean;
}

export async function listProcedureRows(db: Db, unitId: string, filter: ListFilter = {}): Promise<Procedure[]> {
  let q = db.selectFrom('catalogue_procedures').select([...PROCEDURE_COLUMNS]).where('unit_id', '=', unitId);
  if (filter.field) q = q.where('field', '=', filter.field);
  if (filter.needsReview !== undefined) q = q.where('needs_review', '=', filter.needsReview);
  if (filter.publishedOnly) q = q.where('published', '=', true);
  const rows = (await q.orderBy('field').orderBy('name').execute()) as ProcedureRow[];
  return rows.map(rowToProcedure);
}

/** By uuid, slug or reference id (`hotich-khaisinh`). */
export async function findProcedureRow(db: Db, unitId: string, idOrSlug: string): Promise<Procedure | null> {
  const row = (await db
    .selectFrom('catalogue_procedures')
    .select([...PROCEDURE_COLUMNS])
    .where('unit_id', '=', unitId)
    .where((eb) =>
      UUID.test(idOrSlug)
        ? eb('id', '=', idOrSlug)
        : eb.or([eb('slug', '=', idOrSlug), eb('reference_id', '=', idOrSlug)]),
    )
    .executeTakeFirst()) as ProcedureRow | undefined;
  return row ? rowToProcedure(row) : null;
}

export async function insertProcedureRow(db: Db, unitId: string, data: ProcedureData, actor: string | null, note: string | null): Promise<Procedure> {
  const row = (await db
    .insertInto('catalogue_procedures')
    .values({ ...dataToColumns(data), unit_id: unitId, version: 1, updated_by: actor })
    .returning([...PROCEDURE_COLUMNS])
    .executeTakeFirstOrThrow()) as ProcedureRow;
  const p = rowToProcedure(row);
  await insertVersion(db, p, note, actor);
  return p;
}

/** Saves a new version; `expectedVersion` guards against two officers overwriting each other. */
export async function updateProcedureRow(
  db: Db, unitId: string, id: string, data: ProcedureData,
  actor: string | null, note: string | null, expectedVersion?: number,
): Promise<Procedure | null> {
  let q = db
    .updateTable('catalogue_procedures')
    .set({ ...dataToColumns(data), version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor })
    .where('unit_id', '=', unitId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const row = (await q.returning([...PROCEDURE_COLUMNS]).executeTakeFirst()) as ProcedureRow | undefined;
  if (!row) return null;
  const p = rowToProcedure(row);
  await insertVersion(db, p, note, actor);
  return p;
}

export async function markReviewedRow(db: Db, unitId: string, id: string, actor: string): Promise<Procedure | null> {
  const row = (await db
    .updateTable('catalogue_procedures')
    .set({ needs_review: false, reviewed_at: sql`now()`, reviewed_by: actor, version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor })
    .where('unit_id', '=', unitId)
    .where('id', '=', id)
    .returning([...PROCEDURE_COLUMNS])
    .executeTakeFirst()) as ProcedureRow | undefined;
  if (!row) return null;
  const p = rowToProcedure(row);
  await insertVersion(db, p, 'Xác nhận đã rà soát', actor);
  return p;
}

async function insertVersion(db: Db, p: Procedure, note: string | null, actor: string | null): Promise<void> {
  await db
    .insertInto('procedure_versions')
    .values({
      unit_id: p.unitId, procedure_id: p.id, version: p.version,
      data: JSON.stringify(procedureData(p)), change_note: note, changed_by: actor,
    })
    .execute();
}

export async function listVersionRows(db: Db, unitId: string, procedureId: string): Promise<ProcedureVersion[]> {
  const rows = await db
    .selectFrom('procedure_versions')
    .select(['id', 'procedure_id', 'version', 'data', 'change_note', 'changed_by', 'changed_at'])
    .where('unit_id', '=', unitId)
    .where('procedure_id', '=', procedureId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r: any) => ({
    id: r.id, procedureId: r.procedure_id, version: r.version, data: r.data,
    changeNote: r.change_note, changedBy: r.changed_by, changedAt: r.changed_at,
  }));
}

export async function deleteProcedureRow(db: Db, unitId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('catalogue_procedures').where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countProcedures(db: Db, unitId: string): Promise<number> {
  const r = await db.selectFrom('catalogue_procedures').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Rebuilds the unit's search vocabulary (word → number of procedures using it). */
export async function refreshVocabulary(db: Db, unitId: string): Promise<void> {
  await db.deleteFrom('catalogue_vocabulary').where('unit_id', '=', unitId).execute();
  await sql`
    insert into catalogue_vocabulary (unit_id, word, ndoc)
    select ${unitId}::uuid, s.word, s.ndoc
    from ts_stat(${`select search_vector from catalogue_procedures where published and unit_id = '${assertUuid(unitId)}'`}) s`.execute(db);
  // The empty word holds the number of published procedures (N of the rarity weight).
  await sql`
    insert into catalogue_vocabulary (unit_id, word, ndoc)
    select ${unitId}::uuid, '', count(*) from catalogue_procedures where unit_id = ${unitId} and published`.execute(db);
}

function assertUuid(id: string): string {
  if (!UUID.test(id)) throw new Error(`Not a uuid: ${id}`);
  return id;
}

/** The unit's core settings (where the fee account is kept first). */
export async function unitSettingsRow(db: Db, unitId: string): Promise<{ id: string; settings: unknown }> {
  return db.selectFrom('units').select(['id', 'settings']).where('id', '=', unitId).executeTakeFirstOrThrow();
}

export interface NewAttachment { title: string; filename: string; mime_type: string; content: Buffer; created_by: string | null }

/** Stores a downloadable form of a procedure; returns its id. */
export async function insertAttachmentRow(db: Db, unitId: string, procedureId: string, a: NewAttachment): Promise<string> {
  const row = await db.insertInto('catalogue_attachments').values({
    unit_id: unitId, procedure_id: procedureId, title: a.title, filename: a.filename, mime_type: a.mime_type,
    size_bytes: a.content.length, content: a.content, created_by: a.created_by,
  }).returning(['id']).executeTakeFirstOrThrow();
  return row.id as string;
}

/** Deletes a form of a procedure; returns what was deleted (for the audit trail), or undefined. */
export async function deleteAttachmentRow(db: Db, unitId: string, procedureId: string, id: string) {
  return db.deleteFrom('catalogue_attachments').where('unit_id', '=', unitId).where('procedure_id', '=', procedureId)
    .where('id', '=', id).returning(['id', 'title', 'filename']).executeTakeFirst();
}
