import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { loadReferenceProcedures, referenceToData } from './reference.js';
import { countProcedures, insertProcedureRow, refreshVocabulary } from './repo.js';
import type { ProcedureData } from './types.js';

/** Stores the shipped reference catalogue in `reference_procedures` (idempotent). */
export async function seedReferenceCatalogue(db: Kysely<any>): Promise<number> {
  const procedures = loadReferenceProcedures();
  for (const p of procedures) {
    await sql`
      insert into reference_procedures (id, data) values (${p.id}, ${JSON.stringify(p)}::jsonb)
      on conflict (id) do update set data = excluded.data, updated_at = now()
      where reference_procedures.data is distinct from excluded.data`.execute(db);
  }
  return procedures.length;
}

/** Counters of the demo ward's one-stop centre, by field (fictional layout). */
const DEMO_COUNTERS: Record<string, string> = {
  'Hộ tịch': 'Quầy số 1 – Tư pháp, hộ tịch',
  'Nuôi con nuôi': 'Quầy số 1 – Tư pháp, hộ tịch',
  'Chứng thực': 'Quầy số 2 – Chứng thực',
  'Cư trú': 'Quầy số 3 – Công an phường (cư trú)',
  'Đất đai': 'Quầy số 4 – Đất đai, xây dựng',
  'Đăng ký kinh doanh': 'Quầy số 4 – Kinh tế, hạ tầng',
};
const DEFAULT_COUNTER = 'Quầy số 5 – Văn hóa, xã hội';

/**
 * Gives a unit its own published copy of the reference catalogue (only when it has none).
 * Entries not yet confirmed keep the "needs review" flag.
 */
export async function publishReferenceCatalogue(db: Kysely<any>, unitId: string, withCounters = false): Promise<number> {
  const rows = await db.selectFrom('reference_procedures').select(['data']).orderBy('id').execute();
  return withUnit(db, unitId, async (trx) => {
    if ((await countProcedures(trx, unitId)) > 0) return 0;
    for (const { data } of rows) {
      const procedure: ProcedureData = referenceToData(data);
      if (withCounters) procedure.counter = DEMO_COUNTERS[procedure.field] ?? DEFAULT_COUNTER;
      await insertProcedureRow(trx, unitId, procedure, 'Hệ thống', 'Sao chép từ danh mục thủ tục mẫu');
    }
    await refreshVocabulary(trx, unitId);
    return rows.length;
  });
}

/** Fictional collection account of the demo ward (VietinBank BIN 970415). */
export async function seedDemoPaymentAccount(db: Kysely<any>, unitId: string, unitName: string): Promise<void> {
  await withUnit(db, unitId, (trx) =>
    trx.insertInto('catalogue_settings')
      .values({ unit_id: unitId, bank_bin: '970415', account_number: '113000001234', account_name: `UBND ${unitName}`.toUpperCase() })
      .onConflict((oc) => oc.column('unit_id').doNothing())
      .execute(),
  );
}
