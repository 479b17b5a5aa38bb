import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excelLib } from '../lazy-modules.js';

/** A table read from a file: the first row as headers, the rest as rows of cell texts. */
export interface Sheet { headers: string[]; rows: string[][] }

export interface ReadSheetOptions {
  /**
   * Date cells as `dd/mm/yyyy hh:mm` instead of `dd/mm/yyyy`. exceljs reads dates as UTC wall-clock,
   * so the time is the wall-clock the file was written with (Vietnam time in provincial exports).
   */
  withTime?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue, opts: ReadSheetOptions): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const day = `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
    return opts.withTime ? `${day} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` : day;
  }
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

/** `;` when the first line has more semicolons than commas (spreadsheets saved in a Vietnamese locale), else `,`. */
export function csvDelimiter(text: string): ';' | ',' {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or the first sheet of an XLSX file. */
export async function readSheet(data: Buffer, filename: string, opts: ReadSheetOptions = {}): Promise<Sheet> {
  if (/\.xlsx$/i.test(filename) || data.subarray(0, 2).toString() === 'PK') {
    const wb = new (excelLib().Workbook)();
    await wb.xlsx.load(data as never);
    const all: string[][] = [];
    wb.worksheets[0]?.eachRow((row) => { all.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v, opts))); });
    return { headers: all[0] ?? [], rows: all.slice(1) };
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const records = parse(text, { delimiter: csvDelimiter(text), relax_column_count: true, skip_empty_lines: true }) as string[][];
  return { headers: records[0] ?? [], rows: records.slice(1) };
}
