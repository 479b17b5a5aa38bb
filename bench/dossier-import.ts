/**
 * Import throughput of the COPY path: N generated provincial rows (default 100,000; `--1m` or a
 * number for more) are validated, COPYed into a staging table and upserted into `dossiers` in one
 * statement (statistics triggers included), on the embedded database. Then the same rows again
 * (idempotent re-import: every row an update). Prints one JSON object.
 * Usage: npx tsx bench/dossier-import.ts [rows|--1m]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { guessMapping } from '../src/modules/dossiers/import/columns.js';
import { importWithCopy } from '../src/modules/dossiers/import/copy-import.js';
import { validateRow, type ImportRow } from '../src/modules/dossiers/import/validate.js';

process.env.THANTHIEN_MODULES ??= 'dossiers';
const arg = process.argv[2];
const rows = arg === '--1m' ? 1_000_000 : Number(arg ?? 100_000);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

const HEADERS = ['Mã hồ sơ', 'Tên thủ tục', 'Lĩnh vực', 'Người nộp', 'Số điện thoại', 'Kênh nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả', 'Trạng thái'];
const PROCEDURES = [['Chứng thực chữ ký', 'Chứng thực'], ['Đăng ký khai sinh', 'Hộ tịch'], ['Đăng ký kết hôn', 'Hộ tịch'], ['Đăng ký thường trú', 'Cư trú']];
const NAMES = ['Nguyễn Thị Hoa', 'Trần Văn Minh', 'Lê Thị Lan', 'Phạm Văn Hùng', 'Hoàng Thị Mai'];
const p2 = (n: number) => String(n).padStart(2, '0');

function* generate(): Generator<{ line: number; row: ImportRow }> {
  const mapping = guessMapping(HEADERS);
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const [proc, field] = PROCEDURES[i % PROCEDURES.length];
    const done = i % 5 !== 0;
    const cells = [
      `000.00.00.B${String(Math.floor(i / 10000)).padStart(2, '0')}-25${p2(month)}${p2(day)}-${String(i % 10000).padStart(4, '0')}`,
      proc, field, NAMES[i % NAMES.length], `0912${String(i % 1_000_000).padStart(6, '0')}`, i % 3 ? 'Trực tiếp' : 'Trực tuyến',
      `${p2(day)}/${p2(month)}/2025 08:30`, `${p2(Math.min(28, day + 2))}/${p2(month)}/2025`,
      done ? `${p2(Math.min(28, day + (i % 4)))}/${p2(month)}/2025 15:00` : '', done ? 'Đã trả kết quả' : 'Đang xử lý',
    ];
    const r = validateRow(cells, mapping);
    if (!r.ok) throw new Error(`generated row ${i} invalid: ${r.errors.join(' ')}`);
    yield { line: i + 2, row: r.row };
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-dossier-import-'));
chmodSync(dataDir, 0o755);
const rt = await openRuntime(loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', LOG_LEVEL: 'warn' }), quiet, { poolSize: 2 });
try {
  await prepareDatabase(rt, quiet, { demo: false });
  const unitId = (await rt.ownerDb.selectFrom('units').select('id').where('slug', '=', 'chu-van-an').executeTakeFirstOrThrow()).id as string;
  const t0 = performance.now();
  const first = await importWithCopy(rt.pool, rt.db, unitId, generate());
  const firstS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await importWithCopy(rt.pool, rt.db, unitId, generate());
  const againS = (performance.now() - t1) / 1000;
  const stats = await sql<{ received: number }>`select sum(received)::int as received from dossier_monthly_stats where unit_id = ${unitId}`.execute(rt.ownerDb);
  const r = (n: number) => Math.round(n * 100) / 100;
  console.log(JSON.stringify({
    benchmark: 'dossier-import', rows,
    import: { seconds: r(firstS), rows_per_s: Math.round(rows / firstS), inserted: first.inserted, copy_ms: first.copyMs, upsert_ms: first.upsertMs },
    reimport: { seconds: r(againS), rows_per_s: Math.round(rows / againS), updated: again.updated, copy_ms: again.copyMs, upsert_ms: again.upsertMs },
    stats_received: stats.rows[0].received,
    ok: first.inserted === rows && again.updated === rows && stats.rows[0].received === rows,
  }));
} finally {
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
}
