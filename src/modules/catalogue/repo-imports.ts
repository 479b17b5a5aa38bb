import { sql } from 'kysely';
import type { Db } from './repo.js';
import type { ProcedureData } from './types.js';

/** A stored catalogue import (file rows and their diff), previewed before it is applied. */
export interface ImportRow { id: string; filename: string; rows: ProcedureData[]; applied_at: Date | null }

export async function insertImport(db: Db, v: { unitId: string; filename: string; rows: unknown; diff: unknown; createdBy: string }): Promise<string> {
  const row = await db.insertInto('catalogue_imports')
    .values({ unit_id: v.unitId, filename: v.filename, rows: JSON.stringify(v.rows), diff: JSON.stringify(v.diff), created_by: v.createdBy })
    .returning(['id']).executeTakeFirstOrThrow();
  return row.id as string;
}

export async function findImport(db: Db, unitId: string, id: string): Promise<ImportRow | null> {
  const row = await db.selectFrom('catalogue_imports').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return (row as ImportRow | undefined) ?? null;
}

export async function markImportApplied(db: Db, id: string): Promise<void> {
  await sql`update catalogue_imports set applied_at = now() where id = ${id}`.execute(db);
}
