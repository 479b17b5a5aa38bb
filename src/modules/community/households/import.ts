import { foldDiacritics } from '../../../lib/vn-text/index.js';
import { normalisePhone } from '../../surveys/index.js';
import { isCccdNumber } from './cccd-crypto.js';
import type { Sheet } from '../../../lib/tabular/index.js';

/**
 * Household lists from a CSV/XLSX sheet: columns found by their (accent-insensitive) header,
 * each row validated and compared with the file's earlier rows and with stored households.
 * Nothing is written here; the preview shows the result and "apply" stores the `new` rows.
 */
export interface ImportHousehold {
  groupId: string; headName: string; address: string; phone: string | null;
  members: string[]; headCccd: string | null;
}
export type RowStatus = 'new' | 'duplicate' | 'exists' | 'error';
export interface ImportRow { line: number; status: RowStatus; errors: string[]; household: ImportHousehold | null; dedupeKey: string | null }

export const COLUMNS = {
  group: ['to dan pho', 'to', 'ma to'],
  head: ['chu ho', 'ho ten chu ho', 'ten chu ho'],
  address: ['dia chi', 'dia chi thuong tru', 'noi o'],
  phone: ['so dien thoai', 'dien thoai', 'sdt'],
  members: ['thanh vien', 'cac thanh vien', 'nhan khau'],
  cccd: ['cccd chu ho', 'so cccd', 'cccd', 'so dinh danh'],
} as const;
export type Column = keyof typeof COLUMNS;

const fold = (s: string) => foldDiacritics(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The key two rows share when they describe the same household: group, head and address. */
export const householdKey = (groupId: string, headName: string, address: string): string =>
  `${groupId}|${fold(headName)}|${fold(address)}`;

export function findColumns(headers: string[]): Partial<Record<Column, number>> {
  const folded = headers.map(fold);
  const out: Partial<Record<Column, number>> = {};
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const i = folded.findIndex((h) => names.includes(h));
    if (i >= 0) out[col] = i;
  }
  return out;
}

export interface ImportContext {
  groups: { id: string; code: string; name: string }[];
  existingKeys: Set<string>;
  /** HMACs of stored CCCD numbers, and the function making one. */
  existingCccd: Set<string>;
  cccdHmac: (n: string) => string;
}

function groupOf(ctx: ImportContext, text: string) {
  const t = fold(text);
  return ctx.groups.find((g) => fold(g.code) === t || fold(g.name) === t || fold(g.name) === `to dan pho ${t}`) ?? null;
}

function readRow(cells: string[], cols: Partial<Record<Column, number>>, ctx: ImportContext) {
  const get = (c: Column) => (cols[c] === undefined ? '' : (cells[cols[c]!] ?? '').trim());
  const errors: string[] = [];
  const group = groupOf(ctx, get('group'));
  if (!get('group')) errors.push('Thiếu tổ dân phố.');
  else if (!group) errors.push(`Không có tổ dân phố "${get('group')}" trong phường.`);
  const headName = get('head').replace(/\s+/g, ' ');
  if (!headName) errors.push('Thiếu họ tên chủ hộ.');
  const address = get('address').replace(/\s+/g, ' ');
  if (!address) errors.push('Thiếu địa chỉ.');
  const phoneText = get('phone');
  const phone = phoneText ? normalisePhone(phoneText) : null;
  if (phoneText && !phone) errors.push(`Số điện thoại "${phoneText}" không hợp lệ.`);
  const cccdText = get('cccd').replace(/\s/g, '');
  if (cccdText && !isCccdNumber(cccdText)) errors.push('Số CCCD phải gồm 12 chữ số.');
  const members = get('members').split(/[;\n]/).map((m) => m.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return { errors, group, headName, address, phone, members, headCccd: cccdText && isCccdNumber(cccdText) ? cccdText : null };
}

export function validateSheet(sheet: Sheet, ctx: ImportContext): { rows: ImportRow[]; missing: Column[] } {
  const cols = findColumns(sheet.headers);
  const missing = (['group', 'head', 'address'] as Column[]).filter((c) => cols[c] === undefined);
  if (missing.length) return { rows: [], missing };
  const seenKeys = new Set<string>();
  const seenCccd = new Set<string>();
  const rows = sheet.rows.map((cells, i): ImportRow => {
    const line = i + 2;
    const r = readRow(cells, cols, ctx);
    if (r.errors.length || !r.group) return { line, status: 'error', errors: r.errors, household: null, dedupeKey: null };
    const household = { groupId: r.group.id, headName: r.headName, address: r.address, phone: r.phone, members: r.members,
      headCccd: r.headCccd };
    const dedupeKey = householdKey(r.group.id, r.headName, r.address);
    const mac = r.headCccd ? ctx.cccdHmac(r.headCccd) : null;
    let status: RowStatus = 'new';
    if (ctx.existingKeys.has(dedupeKey) || (mac && ctx.existingCccd.has(mac))) status = 'exists';
    else if (seenKeys.has(dedupeKey) || (mac && seenCccd.has(mac))) status = 'duplicate';
    seenKeys.add(dedupeKey);
    if (mac) seenCccd.add(mac);
    return { line, status, errors: [], household, dedupeKey };
  });
  return { rows, missing };
}
