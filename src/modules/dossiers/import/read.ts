import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excelLib } from '../../../lib/lazy-modules.js';

export interface Sheet { headers: string[]; rows: string[][] }

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs reads dates as UTC wall-clock; the provincial export writes Vietnam wall-clock.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
  }
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
};

/** Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX file into header + rows. */
export async function readSheet(data: Buffer, filename: string): Promise<Sheet> {
  if (/\.xlsx$/i.test(filename) || data.subarray(0, 2).toString() === 'PK') {
    const wb = new (excelLib().Workbook)();
    await wb.xlsx.load(data as never);
    const ws = wb.worksheets[0];
    if (!ws) return { headers: [], rows: [] };
    const all: string[][] = [];
    ws.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      all.push(values.map(cellText));
    });
    return { headers: all[0] ?? [], rows: all.slice(1) };
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return { headers: records[0] ?? [], rows: records.slice(1) };
}
