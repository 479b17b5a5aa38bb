import { parse } from 'csv-parse/sync';
import { isHonorific, type Gender } from './honorific.js';

/**
 * Mail-merge: one letter per row of a CSV list. The header names the columns; known ones are
 * `ho_ten` (required), `gioi_tinh` (nam/nữ), `nam_sinh`, `danh_xung`, `dia_chi`, `email`,
 * `dien_thoai`; every other column becomes a template field of the same name (e.g. `noi_dung`).
 */
export interface MergeRow {
  line: number;
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  honorific: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  fields: Record<string, string>;
}

export interface MergeError { line: number; message: string }

export const MAX_MERGE_ROWS = 500;
const KNOWN = new Set(['ho_ten', 'gioi_tinh', 'nam_sinh', 'danh_xung', 'dia_chi', 'email', 'dien_thoai']);

function gender(v: string): Gender | null | 'bad' {
  const s = v.trim().toLowerCase();
  if (!s) return null;
  if (['nam', 'male', 'm'].includes(s)) return 'male';
  if (['nữ', 'nu', 'female', 'f'].includes(s)) return 'female';
  return 'bad';
}

function rowOf(r: Record<string, string>, line: number, thisYear: number): MergeRow | MergeError {
  const name = (r.ho_ten ?? '').trim();
  if (!name) return { line, message: `Dòng ${line}: thiếu họ tên (cột ho_ten).` };
  const g = gender(r.gioi_tinh ?? '');
  if (g === 'bad') return { line, message: `Dòng ${line}: giới tính "${r.gioi_tinh}" không hợp lệ (nam hoặc nữ).` };
  const by = (r.nam_sinh ?? '').trim();
  const birthYear = by ? Number(by) : null;
  if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > thisYear)) {
    return { line, message: `Dòng ${line}: năm sinh "${by}" không hợp lệ.` };
  }
  const h = (r.danh_xung ?? '').trim();
  if (h && !isHonorific(h)) return { line, message: `Dòng ${line}: danh xưng "${h}" không hợp lệ (Cụ, Ông, Bà, Anh, Chị).` };
  const fields = Object.fromEntries(Object.entries(r).filter(([k]) => !KNOWN.has(k)).map(([k, v]) => [k, String(v).trim()]));
  const opt = (k: string) => (r[k] ?? '').trim() || null;
  return { line, name, gender: g, birthYear, honorific: h || null, address: opt('dia_chi'), email: opt('email'), phone: opt('dien_thoai'), fields };
}

/**
 * Reads the CSV (comma or semicolon, UTF-8 with or without BOM). All rows must be valid: a
 * list with errors creates nothing, so staff fix the file and upload it again.
 * @example parseMergeCsv('ho_ten,gioi_tinh\nLê Thị Mai,nữ', 2026).rows[0].gender // 'female'
 */
export function parseMergeCsv(text: string, thisYear: number): { rows: MergeRow[]; errors: MergeError[] } {
  let records: Record<string, string>[];
  try {
    const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
    records = parse(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    return { rows: [], errors: [{ line: 0, message: `Không đọc được tệp CSV: ${(e as Error).message}` }] };
  }
  if (!records.length) return { rows: [], errors: [{ line: 0, message: 'Tệp CSV không có dòng dữ liệu nào.' }] };
  if (records.length > MAX_MERGE_ROWS) return { rows: [], errors: [{ line: 0, message: `Tối đa ${MAX_MERGE_ROWS} dòng mỗi lần.` }] };
  const rows: MergeRow[] = [];
  const errors: MergeError[] = [];
  records.forEach((r, i) => {
    const out = rowOf(r, i + 2, thisYear);
    if ('message' in out) errors.push(out);
    else rows.push(out);
  });
  return { rows, errors };
}
