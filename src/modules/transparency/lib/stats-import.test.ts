import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseStatsCsv, parseStatsXlsx } from './stats-import.js';

describe('stats import', () => {
  it('reads a Vietnamese CSV with semicolons and a BOM', () => {
    const r = parseStatsCsv('\uFEFFNăm;Tháng;Lĩnh vực;Trực tuyến;Trực tiếp;Đã giải quyết;Đúng hạn\n2026;1;Hộ tịch;120;30;148;147\n');
    expect(r).toEqual({ ok: true, rows: [{ year: 2026, month: 1, field: 'Hộ tịch', receivedOnline: 120, receivedInPerson: 30, resolved: 148, resolvedOnTime: 147 }] });
  });
  it('reports every bad row and imports nothing', () => {
    const r = parseStatsCsv('nam,thang,linh vuc,truc tuyen,truc tiep,da giai quyet,dung han\n2026,13,Hộ tịch,1,1,1,1\n2026,2,Hộ tịch,x,1,1,1\n2026,3,Hộ tịch,1,1,1,2\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4]);
  });
  it('names a missing column', () => {
    expect(parseStatsCsv('nam,thang\n2026,1')).toMatchObject({ ok: false, errors: [{ message: 'Thiếu cột "linh-vuc"' }] });
  });
  it('reads XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['year', 'month', 'field', 'online', 'in person', 'resolved', 'on time']);
    ws.addRow([2026, 2, 'Chứng thực', 10, 40, 50, 49]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await parseStatsXlsx(bytes)).toMatchObject({ ok: true, rows: [{ field: 'Chứng thực', receivedInPerson: 40, resolvedOnTime: 49 }] });
    expect(await parseStatsXlsx(Buffer.from('not a zip'))).toMatchObject({ ok: false });
  });
});
