import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { renderDocx, type OfficialDocument } from '../../lib/documents/index.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BLANK = '……………………………………………';

/** Declaration forms (tờ khai) attached to a few demo procedures, with the fields a citizen fills in. */
const DEMO_DECLARATIONS: { slug: string; title: string; filename: string; typeName: string; fields: string[] }[] = [
  {
    slug: 'dang-ky-khai-sinh', title: 'Tờ khai đăng ký khai sinh', filename: 'to-khai-dang-ky-khai-sinh.docx',
    typeName: 'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    fields: ['Họ, chữ đệm, tên người yêu cầu', 'Số định danh cá nhân', 'Quan hệ với người được khai sinh',
      'Họ, chữ đệm, tên người được khai sinh', 'Ngày, tháng, năm sinh', 'Giới tính', 'Nơi sinh', 'Họ, chữ đệm, tên người mẹ',
      'Họ, chữ đệm, tên người cha'],
  },
  {
    slug: 'dang-ky-khai-tu', title: 'Tờ khai đăng ký khai tử', filename: 'to-khai-dang-ky-khai-tu.docx',
    typeName: 'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
    fields: ['Họ, chữ đệm, tên người yêu cầu', 'Số định danh cá nhân', 'Quan hệ với người đã chết', 'Họ, chữ đệm, tên người đã chết',
      'Ngày, tháng, năm sinh', 'Số định danh cá nhân của người đã chết', 'Đã chết vào lúc', 'Nơi chết', 'Nguyên nhân chết'],
  },
  {
    slug: 'dang-ky-ket-hon', title: 'Tờ khai đăng ký kết hôn', filename: 'to-khai-dang-ky-ket-hon.docx',
    typeName: 'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    fields: ['Họ, chữ đệm, tên bên nữ', 'Ngày, tháng, năm sinh bên nữ', 'Số định danh cá nhân bên nữ', 'Nơi cư trú bên nữ',
      'Họ, chữ đệm, tên bên nam', 'Ngày, tháng, năm sinh bên nam', 'Số định danh cá nhân bên nam', 'Nơi cư trú bên nam'],
  },
];

function declarationDocument(unitName: string, d: (typeof DEMO_DECLARATIONS)[number]): OfficialDocument {
  return {
    issuingBody: '',
    place: '……………',
    date: new Date(),
    typeName: d.typeName,
    addressee: `Ủy ban nhân dân ${unitName}`,
    blocks: [
      ...d.fields.map((label) => ({ kind: 'field' as const, label, value: BLANK })),
      { kind: 'paragraph', text: 'Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.', italic: true },
    ],
    signers: [{ title: 'NGƯỜI YÊU CẦU', hint: '(Ký, ghi rõ họ, chữ đệm, tên)' }],
    title: d.title,
  };
}

/** Attaches the demo declaration forms (DOCX) to procedures that have no form yet; idempotent. */
export async function seedDemoDeclarationForms(db: Kysely<any>, unitId: string, unitName: string): Promise<number> {
  let added = 0;
  for (const d of DEMO_DECLARATIONS) {
    const p = await withUnit(db, unitId, (trx) => trx.selectFrom('catalogue_procedures').select(['id'])
      .where('unit_id', '=', unitId).where('slug', '=', d.slug)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('catalogue_attachments').select('id')
        .whereRef('catalogue_attachments.procedure_id', '=', 'catalogue_procedures.id'))))
      .executeTakeFirst());
    if (!p) continue;
    const content = await renderDocx(declarationDocument(unitName, d));
    await withUnit(db, unitId, (trx) => trx.insertInto('catalogue_attachments').values({
      unit_id: unitId, procedure_id: p.id, title: d.title, filename: d.filename, mime_type: DOCX_MIME,
      size_bytes: content.length, content, created_by: 'Hệ thống',
    }).execute());
    added += 1;
  }
  return added;
}
