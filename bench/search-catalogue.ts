import type { Kysely } from 'kysely';
import { withUnit } from '../src/core/tenancy.js';
import { loadReferenceProcedures, referenceToData } from '../src/modules/catalogue/reference.js';
import { countProcedures, insertProcedureRow, refreshVocabulary } from '../src/modules/catalogue/repo.js';
import { slugify } from '../src/lib/vn-text/index.js';
import type { ProcedureData } from '../src/modules/catalogue/types.js';

/** Qualifiers that turn a real procedure into a plausible variant (other units list such cases separately). */
const QUALIFIERS = [
  'trường hợp ủy quyền', 'cho người nước ngoài', 'cấp lại', 'bản điện tử', 'liên thông với cơ quan thuế',
  'tại Trung tâm Phục vụ hành chính công', 'đối với hộ gia đình', 'cho người khuyết tật', 'đối với tổ chức',
  'khi thay đổi nơi cư trú', 'trường hợp khẩn cấp', 'cho người cao tuổi', 'theo yêu cầu', 'bổ sung hồ sơ',
  'điều chỉnh thông tin', 'gia hạn', 'cấp đổi', 'đối với cá nhân', 'qua dịch vụ bưu chính', 'trực tuyến',
];
const FIELDS = ['Xây dựng', 'Môi trường', 'Giao thông', 'Thương mại', 'Lao động', 'Nội vụ', 'Tài chính', 'Y tế', 'Giáo dục', 'Văn hóa'];

/** The 59 real procedures plus generated variants up to `target`, in the unit's catalogue. */
export async function buildLargeCatalogue(db: Kysely<any>, unitId: string, target: number): Promise<number> {
  const real = loadReferenceProcedures().map(referenceToData);
  return withUnit(db, unitId, async (trx) => {
    let n = await countProcedures(trx, unitId);
    for (let i = 0; n < target; i++) {
      const base = real[i % real.length];
      const qualifier = QUALIFIERS[Math.floor(i / real.length) % QUALIFIERS.length];
      const round = Math.floor(i / (real.length * QUALIFIERS.length));
      const name = `${base.name} – ${qualifier}${round ? ` (${round + 1})` : ''}`;
      const variant: ProcedureData = {
        ...base, referenceId: null, name, slug: `${slugify(name, 60)}-${i}`, field: i % 3 === 0 ? FIELDS[i % FIELDS.length] : base.field,
        processing: { ...base.processing, value: base.processing.unit === 'immediate' ? 0 : base.processing.value + (i % 5) },
        keywords: base.keywords.slice(0, 4), needsReview: true,
      };
      await insertProcedureRow(trx, unitId, variant, 'bench', null);
      n += 1;
    }
    await refreshVocabulary(trx, unitId);
    return n;
  });
}
