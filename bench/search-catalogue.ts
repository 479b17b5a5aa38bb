import { sql, type Kysely } from 'kysely';
import { withUnit } from '../src/core/tenancy.js';
import { countProcedures, refreshVocabulary } from '../src/modules/catalogue/repo.js';
import { publishReferenceCatalogue } from '../src/modules/catalogue/seed.js';

/** Qualifiers that turn a real procedure into a plausible variant (other units list such cases separately). */
const QUALIFIERS = [
  'trường hợp ủy quyền', 'cho người nước ngoài', 'cấp lại', 'bản điện tử', 'liên thông với cơ quan thuế',
  'tại Trung tâm Phục vụ hành chính công', 'đối với hộ gia đình', 'cho người khuyết tật', 'đối với tổ chức',
  'khi thay đổi nơi cư trú', 'trường hợp khẩn cấp', 'cho người cao tuổi', 'theo yêu cầu', 'bổ sung hồ sơ',
  'điều chỉnh thông tin', 'gia hạn', 'cấp đổi', 'đối với cá nhân', 'qua dịch vụ bưu chính', 'trực tuyến',
];
const FIELDS = ['Xây dựng', 'Môi trường', 'Giao thông', 'Thương mại', 'Lao động', 'Nội vụ', 'Tài chính', 'Y tế', 'Giáo dục', 'Văn hóa'];

/**
 * The 59 real procedures plus generated variants up to `target` in the unit's catalogue, in one
 * INSERT … SELECT (the search trigger indexes every row as a staff edit would).
 */
export async function buildLargeCatalogue(db: Kysely<any>, unitId: string, target: number): Promise<number> {
  await publishReferenceCatalogue(db, unitId, true);
  const n = await withUnit(db, unitId, async (trx) => {
    const have = await countProcedures(trx, unitId);
    if (have < target) {
      await sql`
        with real as (
          select row_number() over (order by slug) - 1 as k, * from catalogue_procedures where unit_id = ${unitId} and reference_id is not null
        ), wanted as (
          select g as i, (select count(*) from real) as nreal from generate_series(0, ${target - have - 1}) as g
        )
        insert into catalogue_procedures (unit_id, slug, name, name_en, field, processing_value, processing_unit, processing_note,
          fee_amount, fee_unit, fee_tiers, fee_note, documents, steps, legal_basis, keywords, online_level, counter, needs_review, updated_by)
        select ${unitId}, left(r.slug, 60) || '-' || w.i, r.name || ' – ' || (${QUALIFIERS}::text[])[1 + (w.i / w.nreal) % ${QUALIFIERS.length}]
            || case when w.i >= w.nreal * ${QUALIFIERS.length} then ' (' || (w.i / (w.nreal * ${QUALIFIERS.length}) + 1) || ')' else '' end,
          r.name_en, case when w.i % 3 = 0 then (${FIELDS}::text[])[1 + w.i % ${FIELDS.length}] else r.field end,
          case when r.processing_unit = 'immediate' then 0 else r.processing_value + w.i % 5 end, r.processing_unit, r.processing_note,
          r.fee_amount, r.fee_unit, r.fee_tiers, r.fee_note, r.documents, r.steps, r.legal_basis,
          (select coalesce(jsonb_agg(e), '[]') from (select e from jsonb_array_elements(r.keywords) e limit 4) x), r.online_level, r.counter, true, 'bench'
        from wanted w join real r on r.k = w.i % w.nreal`.execute(trx);
    }
    await refreshVocabulary(trx, unitId);
    return countProcedures(trx, unitId);
  });
  await sql`analyze catalogue_procedures`.execute(db);
  return n;
}
