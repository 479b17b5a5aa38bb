import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../../core/tenancy.js';
import type { ColumnMapping } from './columns.js';
import { readSheet, type Sheet } from '../../../lib/tabular/index.js';
import { createStaging, stageRows, upsertFromStaging } from './upsert.js';
import { deadlineRules, makeDeps } from '../service/deps.js';
import { fillMissingDueDates, validateRow, type ImportRow } from './validate.js';

export interface RowError { line: number; errors: string[] }
export interface Validated { ok: Array<{ line: number; row: ImportRow }>; bad: RowError[] }

/** Validates every data row (line numbers count the header as line 1). */
export function validateSheet(sheet: Sheet, mapping: ColumnMapping): Validated {
  const ok: Validated['ok'] = [];
  const bad: RowError[] = [];
  sheet.rows.forEach((cells, i) => {
    const r = validateRow(cells, mapping);
    if (r.ok) ok.push({ line: i + 2, row: r.row });
    else bad.push({ line: i + 2, errors: r.errors });
  });
  return { ok, bad };
}

/**
 * Runs a stored import: validates, stages in chunks (progress written in its own short
 * transactions so the page can show it), then one upsert. Idempotent: the same file twice
 * updates the same dossiers.
 */
export async function runStoredImport(db: Kysely<any>, unitId: string, importId: string): Promise<void> {
  const progress = (patch: Record<string, unknown>) =>
    withUnit(db, unitId, (trx) => trx.updateTable('dossier_imports').set(patch).where('id', '=', importId).execute());
  try {
    const imp = await withUnit(db, unitId, (trx) => trx.selectFrom('dossier_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow());
    const sheet = await readSheet(imp.data as Buffer, imp.filename as string, { withTime: true });
    const { ok, bad } = validateSheet(sheet, imp.mapping as ColumnMapping);
    fillMissingDueDates(ok, await deadlineRules(makeDeps(db), unitId));
    await progress({ total: ok.length, errors: JSON.stringify(bad.slice(0, 500)) });
    const counts = await withUnit(db, unitId, async (trx) => {
      await createStaging(trx);
      const chunk = 5000;
      for (let i = 0; i < ok.length; i += chunk) {
        await stageRows(trx, ok.slice(i, i + chunk));
        await progress({ done: Math.min(ok.length, i + chunk) });
      }
      return upsertFromStaging(trx, unitId);
    });
    await progress({ status: 'done', done: ok.length, inserted: counts.inserted, updated: counts.updated, finished_at: new Date() });
  } catch (e) {
    await progress({ status: 'failed', message: e instanceof Error ? e.message.slice(0, 500) : String(e), finished_at: new Date() });
  }
}

export async function saveUpload(db: Kysely<any>, unitId: string, filename: string, data: Buffer, by: string): Promise<string> {
  const r = await withUnit(db, unitId, (trx) => trx.insertInto('dossier_imports')
    .values({ unit_id: unitId, filename: filename.slice(0, 200), data, created_by: by }).returning('id').executeTakeFirstOrThrow());
  return r.id as string;
}

export async function loadImport(db: Kysely<any>, unitId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (await withUnit(db, unitId, (trx) => trx.selectFrom('dossier_imports').selectAll().where('id', '=', id).executeTakeFirst())) ?? null;
}

export async function startImport(db: Kysely<any>, unitId: string, id: string, mapping: ColumnMapping): Promise<void> {
  await withUnit(db, unitId, (trx) => sql`update dossier_imports set mapping = ${JSON.stringify(mapping)}::jsonb, status = 'running', done = 0
    where id = ${id} and status in ('uploaded', 'done', 'failed')`.execute(trx));
  void runStoredImport(db, unitId, id);
}
