import { describe, expect, it } from 'vitest';
import { parseCccdQr, parseDdMmYyyy } from './index.js';

const SAMPLE = '031090123456|031234567|Nguyễn Văn An|01011990|Nam|Số 12 ngõ 5 Chu Văn An, Hồng Bàng, Hải Phòng|15042021';

describe('CCCD chip-card QR', () => {
  it('reads every field of the printed QR', () => {
    expect(parseCccdQr(SAMPLE)).toEqual({ ok: true, value: {
      number: '031090123456', oldId: '031234567', fullName: 'Nguyễn Văn An', birthDate: '1990-01-01', sex: 'Nam',
      address: 'Số 12 ngõ 5 Chu Văn An, Hồng Bàng, Hải Phòng', issueDate: '2021-04-15', extra: [],
    } });
  });
  it('accepts an empty old ID, a trailing newline, decomposed accents and extra fields of newer cards', () => {
    const r = parseCccdQr('\uFEFF031190000001||Trần Thị Nữ|29022000|Nữ|Tổ 3|01072024|01072039\n'.normalize('NFD'));
    expect(r.ok && r.value).toMatchObject({ oldId: null, fullName: 'Trần Thị Nữ', birthDate: '2000-02-29', sex: 'Nữ',
      issueDate: '2024-07-01', extra: ['01072039'] });
  });
  it('accepts a code without the issue date', () => {
    const r = parseCccdQr('031090123456||Lê Văn B|01011990|Nam|Hải Phòng');
    expect(r.ok && r.value.issueDate).toBeNull();
  });
  it('refuses what is not a card code, naming the field', () => {
    expect(parseCccdQr('')).toEqual({ ok: false, error: 'empty' });
    expect(parseCccdQr('https://example.vn/abc')).toEqual({ ok: false, error: 'fields' });
    expect(parseCccdQr(SAMPLE.replace('031090123456', '03109012345'))).toEqual({ ok: false, error: 'number' });
    expect(parseCccdQr(SAMPLE.replace('031234567', '12ab'))).toEqual({ ok: false, error: 'old_id' });
    expect(parseCccdQr(SAMPLE.replace('Nguyễn Văn An', ''))).toEqual({ ok: false, error: 'name' });
    expect(parseCccdQr(SAMPLE.replace('01011990', '31021990'))).toEqual({ ok: false, error: 'birth_date' });
    expect(parseCccdQr(SAMPLE.replace('|Nam|', '|Khác|'))).toEqual({ ok: false, error: 'sex' });
    expect(parseCccdQr(SAMPLE.replace('15042021', '1504202'))).toEqual({ ok: false, error: 'issue_date' });
  });
  it('checks calendar dates', () => {
    expect(parseDdMmYyyy('29021900')).toBeNull();
    expect(parseDdMmYyyy('29022024')).toBe('2024-02-29');
    expect(parseDdMmYyyy('00012024')).toBeNull();
  });
});
