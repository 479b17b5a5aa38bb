import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { unitEnabledSql } from '../../core/seed/reference.js';
import { loadReferenceProcedures, referenceToData } from './reference.js';
import { countProcedures, insertProcedureRow, refreshVocabulary } from './repo.js';
import { syncProcedureItems } from './freshness.js';
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

/** Units that publish a procedure catalogue: every ward, commune and special zone (not the city). */
export async function catalogueUnits(db: Kysely<any>): Promise<{ id: string; slug: string }[]> {
  const { rows } = await sql<{ id: string; slug: string }>`
    select id, slug from units where type in ('ward', 'commune', 'special_zone') and ${unitEnabledSql} order by slug`.execute(db);
  return rows;
}

/**
 * Gives a unit its own published copy of the reference catalogue (only when it has none), and
 * records each procedure as a published item for review freshness. Entries not yet confirmed
 * keep the "needs review" flag.
 */
export async function publishReferenceCatalogue(db: Kysely<any>, unitId: string, withCounters = false): Promise<number> {
  const rows = await db.selectFrom('reference_procedures').select(['data']).orderBy('id').execute();
  const unit = await db.selectFrom('units').select(['slug']).where('id', '=', unitId).executeTakeFirstOrThrow();
  return withUnit(db, unitId, async (trx) => {
    if ((await countProcedures(trx, unitId)) > 0) return 0;
    for (const { data } of rows) {
      const procedure: ProcedureData = referenceToData(data);
      if (withCounters) procedure.counter = DEMO_COUNTERS[procedure.field] ?? DEFAULT_COUNTER;
      await insertProcedureRow(trx, unitId, procedure, 'Hệ thống', 'Sao chép từ danh mục thủ tục mẫu');
    }
    await refreshVocabulary(trx, unitId);
    await syncProcedureItems(trx, unitId, unit.slug);
    return rows.length;
  });
}

/**
 * Reference seeding (every `migrate`): each ward, commune and special zone gets its own copy of
 * the reference catalogue when it has none, and its published procedures are tracked for review
 * (which also backfills units seeded before procedures were tracked). Idempotent.
 */
export async function publishCatalogueEverywhere(db: Kysely<any>): Promise<number> {
  let copied = 0;
  for (const u of await catalogueUnits(db)) {
    const n = await publishReferenceCatalogue(db, u.id);
    copied += n;
    if (n === 0) await withUnit(db, u.id, (trx) => syncProcedureItems(trx, u.id, u.slug));
  }
  return copied;
}

/**
 * The demo ward's counters by field, on procedures that have none (the reference copy made at
 * reference seeding has none). The current version snapshot is updated in place: seed data, not an edit.
 */
export async function assignDemoCounters(db: Kysely<any>, unitId: string): Promise<void> {
  await withUnit(db, unitId, async (trx) => {
    const rows = await trx.selectFrom('catalogue_procedures').select(['id', 'field', 'version'])
      .where('unit_id', '=', unitId).where('counter', 'is', null).execute();
    for (const r of rows) {
      const counter = DEMO_COUNTERS[r.field] ?? DEFAULT_COUNTER;
      await trx.updateTable('catalogue_procedures').set({ counter }).where('id', '=', r.id).execute();
      await sql`update procedure_versions set data = jsonb_set(data, '{counter}', to_jsonb(${counter}::text))
        where procedure_id = ${r.id} and version = ${r.version}`.execute(trx);
    }
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
