import type { Kysely } from 'kysely';
import type pg from 'pg';
import { copyRows } from './copy.js';
import { STAGING_DDL, upsertQuery } from './upsert.js';
import type { ImportRow } from './validate.js';

/**
 * The fast path (CLI, benchmark): one transaction on a raw client as the app role, COPY into the
 * staging table, then the same single upsert as the page. `compiler` only compiles the SQL.
 */
export async function importWithCopy(pool: pg.Pool, compiler: Kysely<any>, unitId: string,
  rows: Iterable<{ line: number; row: ImportRow }>, onProgress?: (done: number) => void): Promise<{ copied: number; inserted: number; updated: number; copyMs: number; upsertMs: number }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.unit_ids', $1, true)`, [unitId]);
    await client.query(STAGING_DDL);
    const t0 = performance.now();
    const copied = await copyRows(client, rows, onProgress);
    const t1 = performance.now();
    const q = upsertQuery(unitId).compile(compiler);
    const r = await client.query(q.sql, q.parameters as unknown[]);
    await client.query('commit');
    return { copied, ...r.rows[0], copyMs: Math.round(t1 - t0), upsertMs: Math.round(performance.now() - t1) };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
