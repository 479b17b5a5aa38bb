import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { STAGING_COLUMNS, stagingValues } from './upsert.js';
import type { ImportRow } from './validate.js';

/** COPY text-format escaping: backslash, tab, newline, carriage return; null as \N. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Streams rows into the staging table with COPY on a raw client that is already inside the
 * transaction (after `set_config('app.unit_ids', …)` and the staging table creation).
 * `onProgress` is called every `every` rows.
 */
export async function copyRows(client: pg.PoolClient | pg.Client, rows: Iterable<{ line: number; row: ImportRow }>,
  onProgress?: (done: number) => void, every = 50_000): Promise<number> {
  const stream = client.query(copyFrom(`copy dossier_import_staging (${STAGING_COLUMNS.join(', ')}) from stdin`));
  let n = 0;
  let buffer = '';
  for (const { line, row } of rows) {
    buffer += stagingValues(line, row).map(copyField).join('\t') + '\n';
    n++;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
    if (onProgress && n % every === 0) onProgress(n);
  }
  stream.end(buffer);
  await once(stream, 'finish');
  return n;
}
