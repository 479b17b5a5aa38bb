import { parse as parseCsv } from 'csv-parse/sync';
import { excelLib } from '../../lib/lazy-modules.js';
import { foldDiacritics, slugify } from '../../lib/vn-text/index.js';
import { referenceToData, type ReferenceProcedure } from './reference.js';
import type { ProcedureData, ProcessingUnit } from './types.js';

export const MAX_IMPORT_ROWS = 5000;

/** Column headings of the national procedure list (folded) → our field. */
const HEADINGS: Record<string, string[]> = {
  code: ['ma thu tuc', 'ma tthc', 'ma', 'code'],
  name: ['ten thu tuc', 'ten tthc', 'ten', 'name'],
  name_en: ['ten tieng anh', 'name en', 'name_en'],
  field: ['linh vuc', 'field'],
  processing: ['thoi han giai quyet', 'thoi gian giai quyet', 'processing time', 'processing_time'],
  fee: ['phi le phi', 'phi, le phi', 'le phi', 'fee'],
  documents: ['thanh phan ho so', 'ho so', 'documents'],
  steps: ['trinh tu thuc hien', 'cach thuc thuc hien', 'steps'],
  legal: ['can cu phap ly', 'legal basis', 'legal_basis'],
  online: ['muc do dvc', 'muc do', 'dich vu cong truc tuyen', 'online level', 'online_level'],
  keywords: ['tu khoa', 'keywords'],
};

export class ImportError extends Error {}

function columnOf(heading: string): string | null {
  const h = foldDiacritics(heading).replace(/[^a-z0-9 ,_]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [key, names] of Object.entries(HEADINGS)) if (names.includes(h)) return key;
  return null;
}

const splitList = (text: string): string[] =>
  text.split(/\r?\n|;\s*|\s\|\s/).map((s) => s.replace(/^[-–•+*\d.)\s]+/, '').trim()).filter((s) => s.length > 1);

/** "03 ngày làm việc" → 3 working days; "Trong ngày" → immediate; "30 ngày" → 30 days. */
export function parseProcessingTime(text: string): ProcedureData['processing'] {
  const f = foldDiacritics(text);
  const n = /(\d+)/.exec(f);
  if (!n || /trong ngay|ngay khi|ngay sau khi|ngay lap tuc/.test(f) && !/\d+\s*ngay lam viec/.test(f)) {
    return { value: 0, unit: 'immediate', note: text.trim() || null };
  }
  const unit: ProcessingUnit = /lam viec/.test(f) ? 'working_day' : 'day';
  return { value: Number(n[1]), unit, note: text.trim() || null };
}

/** "50.000 đồng/hợp đồng" → 50000 per "hợp đồng"; "Miễn phí" → 0; anything else → null with the text as note. */
export function parseFee(text: string): ProcedureData['fee'] {
  const f = foldDiacritics(text).trim();
  if (f === '' || /^(mien|khong)/.test(f)) return { amount: 0, unit: null, tiers: null, note: text.trim() || null };
  const m = /^(\d{1,3}(?:[.,]\d{3})*|\d+)\s*(?:d|dong|vnd)\b\s*(?:\/\s*(.+))?$/.exec(f);
  if (!m) return { amount: null, unit: null, tiers: null, note: text.trim() };
  const unitText = m[2] ? text.slice(text.lastIndexOf('/') + 1).trim() : null;
  return { amount: Number(m[1].replace(/[.,]/g, '')), unit: unitText, tiers: null, note: text.trim() };
}

function rowToData(row: Record<string, string>): ProcedureData {
  const name = (row.name ?? '').trim();
  if (name.length < 3) throw new ImportError('Có dòng thiếu tên thủ tục.');
  const online = foldDiacritics(row.online ?? '');
  return {
    referenceId: null,
    code: (row.code ?? '').trim() || null,
    slug: slugify(name),
    name,
    nameEn: (row.name_en ?? '').trim() || null,
    field: (row.field ?? '').trim() || 'Khác',
    processing: parseProcessingTime(row.processing ?? ''),
    fee: parseFee(row.fee ?? ''),
    documents: splitList(row.documents ?? ''),
    steps: splitList(row.steps ?? ''),
    legalBasis: splitList(row.legal ?? ''),
    keywords: splitList(row.keywords ?? ''),
    sources: [],
    onlineLevel: /toan trinh|muc do 4|^4$/.test(online) ? 'toàn trình' : /mot phan|muc do 3|^3$/.test(online) ? 'một phần' : null,
    counter: null,
    published: true,
    needsReview: true,
    reviewNote: null,
  };
}

function recordsToData(records: Record<string, unknown>[]): ProcedureData[] {
  if (records.length > MAX_IMPORT_ROWS) throw new ImportError(`Tệp có quá ${MAX_IMPORT_ROWS} dòng.`);
  return records.map((r) => {
    const row: Record<string, string> = {};
    for (const [heading, value] of Object.entries(r)) {
      const key = columnOf(heading);
      if (key && value !== null && value !== undefined) row[key] = String(value);
    }
    return rowToData(row);
  });
}

function parseJson(buffer: Buffer): ProcedureData[] {
  let doc: unknown;
  try { doc = JSON.parse(buffer.toString('utf8')); } catch { throw new ImportError('Tệp JSON không đọc được.'); }
  const list = Array.isArray(doc) ? doc : (doc as { procedures?: unknown[] })?.procedures;
  if (!Array.isArray(list)) throw new ImportError('Tệp JSON phải là một mảng thủ tục hoặc có trường "procedures".');
  const ours = list.every((p) => p && typeof p === 'object' && 'processing_time' in p && 'name' in p && typeof (p as any).processing_time === 'object');
  if (!ours) return recordsToData(list as Record<string, unknown>[]);
  if (list.length > MAX_IMPORT_ROWS) throw new ImportError(`Tệp có quá ${MAX_IMPORT_ROWS} dòng.`);
  return list.map((p) => ({ ...referenceToData(p as ReferenceProcedure), needsReview: true }));
}

async function parseXlsx(buffer: Buffer): Promise<ProcedureData[]> {
  const wb = new (excelLib().Workbook)();
  try { await wb.xlsx.load(buffer as any); } catch { throw new ImportError('Tệp Excel không đọc được.'); }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ImportError('Tệp Excel không có trang tính nào.');
  const headings: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => { headings[col] = cell.text; });
  const records: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, unknown> = {};
    row.eachCell((cell, col) => { if (headings[col]) rec[headings[col]] = cell.text; });
    if (Object.keys(rec).length > 0) records.push(rec);
  });
  return recordsToData(records);
}

/** Reads a national-list file (CSV, XLSX or JSON, by extension) into procedure data. */
export async function parseImportFile(filename: string, buffer: Buffer): Promise<ProcedureData[]> {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'json') return parseJson(buffer);
  if (ext === 'xlsx') return parseXlsx(buffer);
  if (ext === 'csv') {
    let records: Record<string, unknown>[];
    try { records = parseCsv(buffer, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }); }
    catch { throw new ImportError('Tệp CSV không đọc được.'); }
    return recordsToData(records);
  }
  throw new ImportError('Chỉ nhận tệp .csv, .xlsx hoặc .json.');
}
