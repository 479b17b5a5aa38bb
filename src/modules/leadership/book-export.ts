/**
 * The reception book in the layout of the "Sổ tiếp công dân" (Mẫu số 01, Circular 04/2021/TT-TTCP —
 * columns from memory, unconfirmed against the gazette text): DOCX/PDF through src/lib/documents
 * (Decree 30/2020 layout) and XLSX through exceljs. Denouncers are never named (reception.ts).
 */
import { translatorFor } from '../../core/i18n.js';
import { renderDocx, renderPdf, type OfficialDocument } from '../../lib/documents/index.js';
import { formatDate } from '../../lib/format.js';
import { excelLib } from '../../lib/lazy-modules.js';
import { messages } from './i18n.js';
import type { BookRow } from './reception.js';

export const BOOK_COLUMNS = [
  'STT', 'Ngày tiếp', 'Họ tên người được tiếp', 'Số người', 'Nội dung vụ việc', 'Phân loại', 'Người tiếp', 'Hướng xử lý',
];
/** Classification labels come from the module's messages, in Vietnamese (the language of the book). */
const vi = translatorFor(messages, 'vi');

export const bookCells = (rows: BookRow[]): string[][] => rows.map((r, i) => [
  String(i + 1), formatDate(r.held_on), r.visitor, String(r.people), r.matter, vi(`leadership.class.${r.classification}`),
  r.host_name, r.handling,
]);

export function bookDocument(unitName: string, from: string, to: string, rows: BookRow[], now: Date): OfficialDocument {
  return {
    issuingBody: `ỦY BAN NHÂN DÂN ${unitName.toUpperCase()}`, place: unitName, date: now, landscape: true,
    typeName: 'SỔ TIẾP CÔNG DÂN', summary: `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`, title: 'Sổ tiếp công dân',
    blocks: rows.length
      ? [{ kind: 'table', columns: BOOK_COLUMNS, rows: bookCells(rows), widths: [5, 10, 16, 6, 25, 10, 12, 16],
        align: ['center', 'center', 'left', 'center', 'left', 'left', 'left', 'left'] }]
      : [{ kind: 'paragraph', text: 'Không có lượt tiếp công dân nào trong kỳ.' }],
    signers: [{ title: 'NGƯỜI LẬP SỔ', hint: '(Ký, ghi rõ họ tên)' }],
  };
}

export async function bookFile(format: 'pdf' | 'docx' | 'xlsx', unitName: string, from: string, to: string, rows: BookRow[], now: Date): Promise<Buffer> {
  if (format === 'xlsx') return bookXlsx(unitName, from, to, rows);
  const doc = bookDocument(unitName, from, to, rows, now);
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}

async function bookXlsx(unitName: string, from: string, to: string, rows: BookRow[]): Promise<Buffer> {
  const wb = new (excelLib().Workbook)();
  const ws = wb.addWorksheet('So tiep cong dan', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  ws.addRow([`ỦY BAN NHÂN DÂN ${unitName.toUpperCase()}`]);
  ws.addRow([`SỔ TIẾP CÔNG DÂN — từ ${formatDate(from)} đến ${formatDate(to)}`]).font = { bold: true };
  ws.addRow([]);
  const header = ws.addRow(BOOK_COLUMNS);
  header.font = { bold: true };
  for (const r of bookCells(rows)) ws.addRow(r);
  ws.columns.forEach((c, i) => { c.width = [6, 12, 26, 8, 48, 16, 22, 32][i]; c.alignment = { wrapText: true, vertical: 'top' }; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
