/**
 * Imports a provincial CSV/XLSX export through COPY, with a progress bar on stderr.
 * Usage: npx tsx src/modules/dossiers/import/cli.ts <unit-slug> <file.csv|file.xlsx>
 * (uses the same configuration as `thanthien start`: DATA_DIR or DATABASE_URL).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../core/config.js';
import { openRuntime } from '../../../core/runtime.js';
import { guessMapping, missingRequired } from './columns.js';
import { importWithCopy } from './copy-import.js';
import { readSheet } from '../../../lib/tabular/index.js';
import { deadlineRules, makeDeps } from '../service/deps.js';
import { validateSheet } from './run.js';
import { fillMissingDueDates } from './validate.js';

export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${Math.round(ratio * 100)} %)`;
}

async function main(): Promise<number> {
  const [slug, file] = process.argv.slice(2);
  if (!slug || !file) {
    process.stderr.write('Cách dùng: npx tsx src/modules/dossiers/import/cli.ts <đơn-vị> <tệp.csv|tệp.xlsx>\n');
    return 2;
  }
  const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
  const rt = await openRuntime(loadConfig(), quiet, { poolSize: 2 });
  try {
    const unit = await rt.ownerDb.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!unit) { process.stderr.write(`Không có đơn vị "${slug}".\n`); return 1; }
    const sheet = await readSheet(readFileSync(file), path.basename(file), { withTime: true });
    const mapping = guessMapping(sheet.headers);
    const missing = missingRequired(mapping);
    if (missing.length) { process.stderr.write(`Thiếu cột bắt buộc: ${missing.join(', ')}\n`); return 1; }
    const { ok, bad } = validateSheet(sheet, mapping);
    fillMissingDueDates(ok, await deadlineRules(makeDeps(rt.db), unit.id as string));
    for (const e of bad.slice(0, 20)) process.stderr.write(`Dòng ${e.line}: ${e.errors.join(' ')}\n`);
    const r = await importWithCopy(rt.pool, rt.db, unit.id as string, ok, (n) => process.stderr.write(`\r${progressBar(n, ok.length)}`), );
    process.stderr.write(`\r${progressBar(ok.length, ok.length)}\n`);
    process.stdout.write(JSON.stringify({ valid: ok.length, invalid: bad.length, inserted: r.inserted, updated: r.updated }) + '\n');
    return 0;
  } finally {
    await rt.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
