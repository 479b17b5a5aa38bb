import { describe, expect, it } from 'vitest';
import { householdKey, validateSheet, type ImportContext } from './import.js';
import { readSheet } from '../../../lib/tabular/index.js';

const groups = [{ id: 'g1', code: 'TDP01', name: 'Tổ dân phố Sao Đỏ 1' }, { id: 'g2', code: 'TDP02', name: 'Tổ dân phố Sao Đỏ 2' }];
const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  groups, existingKeys: new Set(), existingCccd: new Set(), cccdHmac: (n) => `mac:${n}`, ...over,
});
const CSV = [
  'Tổ dân phố,Chủ hộ,Địa chỉ,Số điện thoại,Thành viên,Số CCCD',
  'TDP01,Nguyễn Văn An,Số 1 ngõ 2,0912 345 678,"Nguyễn Văn An; Trần Thị Bình",031090123456',
  'Sao Đỏ 2,Lê Thị Cúc,Số 3 ngõ 4,,,',
  'tdp01,NGUYEN VAN AN,so 1  ngo 2,,,',
  'TDP09,Phạm Văn Dũng,Số 5,0912,,12345',
  'TDP02,Hoàng Văn Em,Số 7,,,031090123456',
].join('\n');

describe('household import', () => {
  it('validates rows, finds columns by folded header, de-duplicates within the file', async () => {
    const sheet = await readSheet(Buffer.from(`\uFEFF${CSV}`), 'ho.csv');
    const { rows, missing } = validateSheet(sheet, ctx());
    expect(missing).toEqual([]);
    expect(rows.map((r) => [r.line, r.status])).toEqual([[2, 'new'], [3, 'new'], [4, 'duplicate'], [5, 'error'], [6, 'duplicate']]);
    expect(rows[0].household).toEqual({ groupId: 'g1', headName: 'Nguyễn Văn An', address: 'Số 1 ngõ 2', phone: '0912345678',
      members: ['Nguyễn Văn An', 'Trần Thị Bình'], headCccd: '031090123456' });
    expect(rows[1].household?.groupId).toBe('g2');
    expect(rows[3].errors).toEqual(['Không có tổ dân phố "TDP09" trong phường.', 'Số điện thoại "0912" không hợp lệ.',
      'Số CCCD phải gồm 12 chữ số.']);
  });
  it('marks households already stored (same head and address, or same CCCD)', async () => {
    const sheet = await readSheet(Buffer.from(CSV), 'ho.csv');
    const { rows } = validateSheet(sheet, ctx({ existingKeys: new Set([householdKey('g2', 'Le Thi Cuc', 'so 3 ngo 4')]),
      existingCccd: new Set(['mac:031090123456']) }));
    expect(rows.map((r) => r.status)).toEqual(['exists', 'exists', 'duplicate', 'error', 'exists']);
  });
  it('names the required columns that are missing', () => {
    expect(validateSheet({ headers: ['Họ tên'], rows: [] }, ctx()).missing).toEqual(['group', 'head', 'address']);
  });
});
