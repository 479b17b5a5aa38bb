import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excelLib } from '../../../lib/lazy-modules.js';

export interface Sheet { headers: string[]; rows: string[][] }

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
};

/** Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or the first sheet of an XLSX file. */
export async function readSheet(data: Buffer, filename: string): Promise<Sheet> {
  if (/\.xlsx$/i.test(filename) || data.subarray(0, 2).toString() === 'PK') {
    const wb = new (excelLib().Workbook)();
    await wb.xlsx.load(data as never);
    const ws = wb.worksheets[0];
    const all: string[][] = [];
    ws?.eachRow((row) => { all.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)); });
    return { headers: all[0] ?? [], rows: all.slice(1) };
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return { headers: records[0] ?? [], rows: records.slice(1) };
}
