import { foldDiacritics } from '../../../lib/vn-text/index.js';

/** Fields an import row can fill, with the header names the provincial systems use. */
export const IMPORT_FIELDS = {
  code: ['ma ho so', 'so ho so', 'code'],
  procedure_name: ['ten thu tuc', 'thu tuc', 'ten thu tuc hanh chinh', 'procedure'],
  procedure_code: ['ma thu tuc', 'ma tthc'],
  field: ['linh vuc', 'field'],
  applicant_name: ['nguoi nop', 'ten nguoi nop', 'chu ho so', 'ho ten', 'ten ca nhan to chuc', 'applicant'],
  applicant_phone: ['so dien thoai', 'dien thoai', 'sdt', 'phone'],
  applicant_email: ['email', 'thu dien tu'],
  applicant_address: ['dia chi', 'address'],
  channel: ['kenh nop', 'hinh thuc nop', 'kenh', 'channel'],
  received_at: ['ngay tiep nhan', 'ngay nhan', 'thoi gian tiep nhan', 'received'],
  due_date: ['ngay hen tra', 'han xu ly', 'han giai quyet', 'hen tra ket qua', 'due'],
  working_days: ['so ngay giai quyet', 'thoi han', 'thoi han giai quyet', 'working days'],
  result_at: ['ngay co ket qua', 'ngay hoan thanh', 'ngay xu ly xong', 'result'],
  returned_at: ['ngay tra ket qua', 'ngay tra', 'returned'],
  status: ['trang thai', 'tinh trang', 'status'],
  officer_name: ['can bo tiep nhan', 'can bo xu ly', 'nguoi tiep nhan', 'officer'],
  home_service: ['phuc vu tai nha', 'home service'],
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const REQUIRED_FIELDS: ImportField[] = ['code', 'procedure_name', 'applicant_name', 'received_at'];

/** Column index per field (null when no column carries it). */
export type ColumnMapping = Record<ImportField, number | null>;

const normalise = (h: string) => foldDiacritics(h).toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Guesses the mapping from the header row: exact synonym first, then a header that starts with one. */
export function guessMapping(headers: string[]): ColumnMapping {
  const folded = headers.map(normalise);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const [field, names] of Object.entries(IMPORT_FIELDS) as Array<[ImportField, readonly string[]]>) {
    let idx = folded.findIndex((h, i) => !used.has(i) && names.includes(h));
    if (idx < 0) idx = folded.findIndex((h, i) => !used.has(i) && names.some((n) => h.startsWith(n)));
    mapping[field] = idx >= 0 ? idx : null;
    if (idx >= 0) used.add(idx);
  }
  return mapping;
}

/** Mapping from a submitted form (`map_<field>` = column index or ''), falling back to the guess. */
export function mappingFromForm(body: Record<string, unknown>, headers: string[]): ColumnMapping {
  const guess = guessMapping(headers);
  for (const field of Object.keys(IMPORT_FIELDS) as ImportField[]) {
    const v = body[`map_${field}`];
    if (v === undefined) continue;
    const n = v === '' ? null : Number(v);
    guess[field] = n !== null && Number.isInteger(n) && n >= 0 && n < headers.length ? n : null;
  }
  return guess;
}

export const missingRequired = (m: ColumnMapping) => REQUIRED_FIELDS.filter((f) => m[f] === null);
