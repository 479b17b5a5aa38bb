import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { guessMapping, missingRequired } from './columns.js';
import { readSheet } from '../../../lib/tabular/index.js';
import { parseVnDateTime, validateRow } from './validate.js';

const CSV = `Mã hồ sơ;Tên thủ tục;Lĩnh vực;Người nộp;Số điện thoại;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Ngày trả kết quả;Trạng thái
000.00.00.H31-260302-0001;Chứng thực chữ ký;Chứng thực;Nguyễn Thị Hoa;0912000111;Trực tiếp;02/03/2026 08:30;04/03/2026;03/03/2026 15:00;04/03/2026 09:00;Đã trả kết quả
bad-code;Đăng ký khai sinh;Hộ tịch;;0912000112;Fax;31/02/2026;;;;Đang xử lý
`;

describe('import parsing', () => {
  test('maps Vietnamese headers and validates each row', async () => {
    const sheet = await readSheet(Buffer.from(CSV), 'x.csv', { withTime: true });
    const mapping = guessMapping(sheet.headers);
    expect(missingRequired(mapping)).toEqual([]);
    expect(mapping.due_date).toBe(7);
    const first = validateRow(sheet.rows[0], mapping);
    expect(first.ok && first.row).toMatchObject({ code: '000.00.00.H31-260302-0001', status: 'returned', channel: 'in_person', due_date: '2026-03-04' });
    expect(first.ok && first.row.received_at.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    const second = validateRow(sheet.rows[1], mapping);
    expect(second.ok).toBe(false);
    expect(!second.ok && second.errors.length).toBe(4); // code, date, name, channel
  });
  test('reads XLSX with the same mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HS');
    ws.addRow(['Mã hồ sơ', 'Thủ tục', 'Chủ hồ sơ', 'Ngày nhận', 'Hình thức nộp']);
    ws.addRow(['000.00.00.H31-260302-0002', 'Đăng ký kết hôn', 'Lê Văn Nam', '02/03/2026', 'Trực tuyến']);
    const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx', { withTime: true });
    const r = validateRow(sheet.rows[0], guessMapping(sheet.headers));
    expect(r.ok && r.row.channel).toBe('online');
  });
  test('dates', () => {
    expect(parseVnDateTime('05/01/2026')?.toISOString()).toBe('2026-01-04T17:00:00.000Z');
    expect(parseVnDateTime('2026-01-05')?.toISOString()).toBe('2026-01-04T17:00:00.000Z');
    expect(parseVnDateTime('32/01/2026')).toBeUndefined();
    expect(parseVnDateTime('')).toBeNull();
  });
});
