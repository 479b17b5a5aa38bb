import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excelLib } from '../../../lib/lazy-modules.js';
import { csvDelimiter } from '../../../lib/tabular/index.js';
import { slugify } from '../../../lib/vn-text/index.js';
import type { MonthlyFigure } from './rates.js';

/** Column headers accepted in an import (Vietnamese with or without diacritics, or English). */
const COLUMNS: Record<keyof MonthlyFigure, string[]> = {
  year: ['nam', 'year'],
  month: ['thang', 'month'],
  field: ['linh-vuc', 'field'],
  receivedOnline: ['truc-tuyen', 'online', 'received-online', 'ho-so-truc-tuyen'],
  receivedInPerson: ['truc-tiep', 'in-person', 'received-in-person', 'ho-so-truc-tiep'],
  resolved: ['da-giai-quyet', 'resolved'],
  resolvedOnTime: ['dung-han', 'on-time', 'resolved-on-time', 'dung-han-truoc-han'],
};

export interface ImportError { row: number; message: string }
export type ImportResult = { ok: true; rows: MonthlyFigure[] } | { ok: false; errors: ImportError[] };

function columnIndex(headers: string[]): Partial<Record<keyof MonthlyFigure, number>> | string {
  const slugs = headers.map((h) => slugify(String(h ?? '')));
  const out: Partial<Record<keyof MonthlyFigure, number>> = {};
  for (const [key, names] of Object.entries(COLUMNS) as [keyof MonthlyFigure, string[]][]) {
    const i = slugs.findIndex((s) => names.includes(s));
    if (i < 0) return names[0];
    out[key] = i;
  }
  return out;
}

function toCount(value: unknown): number | null {
  const s = String(value ?? '').trim().replace(/[.\s]/g, '');
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

function rowToFigure(cells: unknown[], idx: Record<keyof MonthlyFigure, number>, line: number, errors: ImportError[]): MonthlyFigure | null {
  const field = String(cells[idx.field] ?? '').trim();
  const nums = { year: 0, month: 0, receivedOnline: 0, receivedInPerson: 0, resolved: 0, resolvedOnTime: 0 };
  for (const key of Object.keys(nums) as (keyof typeof nums)[]) {
    const n = toCount(cells[idx[key]]);
    if (n === null) { errors.push({ row: line, message: `Cột "${COLUMNS[key][0]}" không phải số nguyên không âm` }); return null; }
    nums[key] = n;
  }
  if (!field) errors.push({ row: line, message: 'Thiếu lĩnh vực' });
  else if (nums.year < 2000 || nums.year > 2100) errors.push({ row: line, message: 'Năm không hợp lệ' });
  else if (nums.month < 1 || nums.month > 12) errors.push({ row: line, message: 'Tháng phải từ 1 đến 12' });
  else if (nums.resolvedOnTime > nums.resolved) errors.push({ row: line, message: 'Số đúng hạn lớn hơn số đã giải quyết' });
  else return { field, ...nums };
  return null;
}

/** Validates a table (first row = headers); every bad row is reported, and nothing is imported if any is bad. */
export function figuresFromTable(table: unknown[][]): ImportResult {
  const nonEmpty = table.filter((r) => r.some((c) => String(c ?? '').trim() !== ''));
  if (nonEmpty.length < 2) return { ok: false, errors: [{ row: 1, message: 'Tệp không có dòng số liệu' }] };
  const idx = columnIndex(nonEmpty[0].map((c) => String(c ?? '')));
  if (typeof idx === 'string') return { ok: false, errors: [{ row: 1, message: `Thiếu cột "${idx}"` }] };
  const errors: ImportError[] = [];
  const rows: MonthlyFigure[] = [];
  const seen = new Set<string>();
  nonEmpty.slice(1).forEach((cells, i) => {
    const fig = rowToFigure(cells, idx as Record<keyof MonthlyFigure, number>, i + 2, errors);
    if (!fig) return;
    const key = `${fig.year}-${fig.month}-${fig.field}`;
    if (seen.has(key)) errors.push({ row: i + 2, message: 'Trùng tháng và lĩnh vực' });
    seen.add(key);
    rows.push(fig);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export function parseStatsCsv(text: string): ImportResult {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return figuresFromTable(parseCsv(clean, { delimiter: csvDelimiter(clean), relax_column_count: true, skip_empty_lines: true }) as unknown[][]);
  } catch (e) {
    return { ok: false, errors: [{ row: 0, message: `Không đọc được CSV: ${(e as Error).message}` }] };
  }
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return v;
}

export async function parseStatsXlsx(bytes: Buffer): Promise<ImportResult> {
  const wb = new (excelLib().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ row: 0, message: 'Không đọc được tệp XLSX' }] };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ row: 0, message: 'Tệp XLSX không có trang tính' }] };
  const table: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    table.push(values.slice(1).map(cellValue));
  });
  return figuresFromTable(table);
}
