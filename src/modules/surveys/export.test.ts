import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, toCsv, toXlsx, vnTimestamp } from './export.js';
import type { StoredResponse } from './results.js';
import type { SurveyDefinition } from './types.js';

const t = (vi: string, en: string) => ({ vi, en });
const def: SurveyDefinition = { sections: [{ id: 's', title: t('P', 'P'), questions: [
  { id: 'c', type: 'multiple', text: t('Chọn', 'Pick'), required: false, options: [{ id: 'a', label: t('Táo', 'Apple') }, { id: 'b', label: t('Bưởi', 'Pomelo') }] },
  { id: 'g', type: 'matrix', text: t('Bảng', 'Grid'), required: false, rows: [{ id: 'r1', label: t('Dòng 1', 'Row 1') }] },
  { id: 'n', type: 'text', text: t('Ý kiến', 'Comment'), required: false },
] }] };
const rs: StoredResponse[] = [
  { id: 'r1', version: 2, channel: 'paper', submittedAt: new Date('2026-03-01T02:15:00Z'), answers: { c: ['a', 'b'], g: { r1: 4 }, n: 'Tốt, "nhanh"' } },
  { id: 'r2', version: 2, channel: 'qr', submittedAt: new Date('2026-03-01T20:00:00Z'), answers: { n: '=HYPERLINK("x")' } },
];

describe('export', () => {
  it('lays out one column per question and matrix row', () => {
    const table = exportTable(def, rs, 'vi');
    expect(table.headers).toEqual(['Mã phiếu', 'Thời gian (giờ Việt Nam)', 'Kênh', 'Phiên bản', 'Chọn', 'Bảng — Dòng 1', 'Ý kiến']);
    expect(table.rows[0]).toEqual(['r1', '2026-03-01 09:15', 'paper', 2, 'Táo; Bưởi', 4, 'Tốt, "nhanh"']);
    expect(exportTable(def, rs, 'en').rows[0][4]).toBe('Apple; Pomelo');
  });
  it('writes CSV with BOM, quoting and defused formulas', () => {
    const csv = toCsv(exportTable(def, rs, 'vi'));
    expect(csv.startsWith('\uFEFFMã phiếu,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('r1,2026-03-01 09:15,paper,2,"Táo; Bưởi",4,"Tốt, ""nhanh"""');
    expect(lines[2]).toBe(`r2,2026-03-02 03:00,qr,2,,,"'=HYPERLINK(""x"")"`);
  });
  it('writes an XLSX that reads back', async () => {
    const buf = await toXlsx(exportTable(def, rs, 'vi'), 'Khảo sát');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Khảo sát')!;
    expect(ws.getRow(1).getCell(5).value).toBe('Chọn');
    expect(ws.getRow(2).getCell(6).value).toBe(4);
    expect(ws.rowCount).toBe(3);
  });
  it('shows Vietnam time', () => expect(vnTimestamp(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01 00:30'));
});
