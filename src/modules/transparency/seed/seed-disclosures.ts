import type { Kysely } from 'kysely';

/** A minimal valid one-page PDF, enough to demonstrate attachments without shipping binaries. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

import { minPostingDays } from '../lib/posting.js';
import type { Category } from '../lib/categories.js';
import { addDays, vnDateOf } from '../../../lib/vn-calendar/index.js';

type Doc = [category: string, title: string, number: string, daysAgo: number, summary: string];
const DOCS: Doc[] = [
  ['budget', 'Công khai dự toán ngân sách phường năm 2026', '215/QĐ-UBND', 10, 'Tổng thu ngân sách trên địa bàn và chi ngân sách phường theo lĩnh vực.'],
  ['socio_economic', 'Kế hoạch phát triển kinh tế - xã hội năm 2026', '98/KH-UBND', 40, 'Chỉ tiêu, nhiệm vụ, giải pháp phát triển kinh tế - xã hội.'],
  ['social_policy', 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ năm 2026', '230/TB-UBND', 5, 'Danh sách đề nghị hỗ trợ, lấy ý kiến tại các tổ dân phố.'],
  ['procedures', 'Danh mục thủ tục hành chính thực hiện tại Trung tâm Phục vụ hành chính công', '180/QĐ-UBND', 60, 'Danh mục, thời hạn, phí, lệ phí của thủ tục hành chính cấp xã.'],
  ['anti_corruption', 'Kế hoạch phòng, chống tham nhũng, tiêu cực năm 2026', '12/KH-UBND', 20, 'Các biện pháp phòng ngừa, công khai, minh bạch trong hoạt động công vụ.'],
  ['officials', 'Phân công nhiệm vụ Chủ tịch, các Phó Chủ tịch UBND phường', '05/QĐ-UBND', 90, 'Lĩnh vực phụ trách của từng lãnh đạo UBND phường.'],
  ['contributions', 'Công khai thu, chi Quỹ Vì người nghèo năm 2026', '241/TB-UBND', 2, 'Số tiền vận động, số tiền đã chi hỗ trợ theo từng đợt.'],
];

export async function seedDisclosures(db: Kysely<any>, unitId: string, now: Date): Promise<{ projectId: string }> {
  const today = vnDateOf(now);
  for (const [category, title, document_number, daysAgo, summary] of DOCS) {
    await db.insertInto('disclosure_documents').values({ unit_id: unitId, category, title, document_number, summary, published_on: addDays(today, -daysAgo), posting_days: minPostingDays(category as Category) }).execute();
  }
  const project = await db.insertInto('land_projects').values({
    unit_id: unitId, name: 'Dự án mở rộng đường Lê Lợi (nối dài), đoạn qua tổ dân phố số 4 và số 6',
    location: 'Tổ dân phố số 4, số 6, phường Chu Văn An', description: 'Thu hồi 1,2 ha đất ở và đất trồng cây hằng năm của 23 hộ gia đình để mở rộng đường lên 24 m.',
    comment_opens_on: addDays(today, -7), comment_closes_on: addDays(today, 23),
  }).returning('id').executeTakeFirstOrThrow();
  const landDocs: [string, string, string, number | null][] = [
    ['plan', 'Dự thảo phương án bồi thường, hỗ trợ, tái định cư', '45/PA-HĐBT', 12_840_500_000],
    ['decision', 'Thông báo thu hồi đất', '112/TB-UBND', null],
    ['list', 'Bảng kê diện tích, đơn giá và số tiền bồi thường của từng hộ', '45a/PA-HĐBT', 12_840_500_000],
  ];
  for (const [land_kind, title, document_number, amount] of landDocs) {
    const doc = await db.insertInto('disclosure_documents').values({
      unit_id: unitId, category: 'land_recovery', title, document_number, published_on: addDays(today, -7), posting_days: 30,
      project_id: project.id, land_kind, amount_dong: amount,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('disclosure_attachments').values({ unit_id: unitId, document_id: doc.id, file_name: `${document_number.replace(/\//g, '-')}.pdf`, content: demoPdf(`${document_number} - Phuong Chu Van An (demo)`), byte_size: 0 }).execute();
  }
  await db.updateTable('disclosure_attachments').set({ byte_size: (eb: any) => eb.fn('octet_length', ['content']) }).where('unit_id', '=', unitId).execute();
  await db.insertInto('disclosure_comments').values([
    { unit_id: unitId, project_id: project.id, author_name: 'Nguyễn Thị Hoa', contact: '0912 000 901', body: 'Đề nghị công bố rõ đơn giá bồi thường cây trồng và thời gian chi trả.', status: 'approved', moderated_at: now },
    { unit_id: unitId, project_id: project.id, author_name: 'Trần Văn Bình', contact: '', body: 'Gia đình tôi đề nghị được bố trí tái định cư tại chỗ trong tổ dân phố số 6.', status: 'pending' },
  ]).execute();
  return { projectId: project.id };
}
