import { sql, type Kysely, type Transaction } from 'kysely';

/**
 * Runs `fn` in a transaction that can see and write only the rows of `unitId`
 * (row-level security reads `app.unit_ids`, set here for this transaction only).
 *
 * @example await withUnit(app.db, req.unit.id, (trx) => trx.selectFrom('feedback').selectAll().execute())
 */
export function withUnit<T, DB = any>(db: Kysely<any>, unitId: string, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return withUnits(db, [unitId], fn);
}

/** Like withUnit, for views that span several units (a city and its wards). */
export function withUnits<T, DB = any>(db: Kysely<any>, unitIds: string[], fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (const id of unitIds) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`Not a unit id: ${id}`);
  }
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.unit_ids', ${unitIds.join(',')}, true)`.execute(trx);
    return fn(trx as unknown as Transaction<DB>);
  });
}
