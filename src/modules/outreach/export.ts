import { translatorFor } from '../../core/i18n.js';
import { excelLib } from '../../lib/lazy-modules.js';
import { letterNumber } from './domain/kinds.js';
import { messages } from './i18n.js';
import type { LetterRow } from './repo-letters.js';

/** Kind, status and channel labels come from the module's messages, in Vietnamese (the language of the register). */
const vi = translatorFor(messages, 'vi');

/** RFC 4180: quote a cell holding a comma, quote or line break; double inner quotes. */
export const csvCell = (raw: string): string => {
  // A cell starting with = + @ would run as a formula when the file is opened in a spreadsheet.
  const v = /^[=+@]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};
const stringify = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const HEADER = ['Số', 'Năm', 'Loại thư', 'Ngày', 'Danh xưng', 'Người nhận', 'Địa chỉ', 'Trích yếu', 'Trạng thái', 'Kênh gửi', 'Nguồn'];

/** Register rows as plain cells, in the order of HEADER. */
export const registerCells = (l: LetterRow): string[] => [
  letterNumber(l.kind, l.seq), String(l.year), vi(`outreach.kind.${l.kind}`), l.issued_on.split('-').reverse().join('/'), l.honorific,
  l.recipient_name, l.recipient_address ?? '', l.subject, vi(`outreach.status.${l.status}`), vi(`outreach.channel.${l.channel}`), l.source_ref ?? '',
];

/** The register as XLSX (one sheet) or CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly). */
export async function exportLetters(rows: LetterRow[], format: 'xlsx' | 'csv'): Promise<{ body: Buffer; type: string }> {
  if (format === 'csv') {
    return { body: Buffer.from('\uFEFF' + stringify([HEADER, ...rows.map(registerCells)]), 'utf8'), type: 'text/csv; charset=utf-8' };
  }
  const ExcelJS = excelLib();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ thư');
  ws.addRow(HEADER).font = { bold: true };
  for (const l of rows) ws.addRow(registerCells(l));
  ws.columns.forEach((c, i) => { c.width = [12, 6, 18, 11, 8, 24, 30, 50, 10, 12, 24][i]; });
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
