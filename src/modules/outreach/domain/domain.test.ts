import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chooseHonorific, HONORIFICS } from './honorific.js';
import { fillTemplate, missingFields, paragraphsOf, placeholdersOf } from './template.js';
import { KIND_SPECS, LETTER_KINDS, letterNumber, paddedLetterNumber } from './kinds.js';
import { parseMergeCsv } from './mail-merge.js';
import { occasionsOfYear, occasionsToRemind } from './occasions.js';
import { attendanceHours, hoursBy } from './volunteers.js';

describe('Vietnamese personal titles', () => {
  test.each([
    [{ gender: 'male', birthYear: 1940 }, 'Cụ'], // 86
    [{ gender: 'female', birthYear: 1946 }, 'Cụ'], // 80: the threshold
    [{ gender: 'female', birthYear: 1947 }, 'Bà'], // 79
    [{ gender: 'male', birthYear: 1970 }, 'Ông'],
    [{ gender: 'male', birthYear: 1991 }, 'Ông'], // 35: no longer "Anh"
    [{ gender: 'male', birthYear: 1992 }, 'Anh'], // 34
    [{ gender: 'female', birthYear: 2000 }, 'Chị'],
    [{ gender: 'female' }, 'Bà'], // age unknown
    [{ birthYear: 2000 }, 'Ông/Bà'], // gender unknown
    [{ birthYear: 1930 }, 'Cụ'], // very old whatever the gender
    [{}, 'Ông/Bà'],
  ] as const)('%o → %s', (p, expected) => {
    expect(chooseHonorific({ ...p, year: 2026 })).toBe(expected);
  });
  test('staff override wins; an unknown override is ignored', () => {
    expect(chooseHonorific({ gender: 'male', birthYear: 1940, year: 2026, override: 'Ông' })).toBe('Ông');
    expect(chooseHonorific({ gender: 'female', birthYear: 2000, year: 2026, override: 'Bà' })).toBe('Bà');
    expect(chooseHonorific({ gender: 'female', birthYear: 2000, year: 2026, override: 'Madame' })).toBe('Chị');
  });
  test('always one of the known titles', () => {
    fc.assert(fc.property(fc.option(fc.constantFrom('male' as const, 'female' as const)), fc.option(fc.integer({ min: 1900, max: 2026 })),
      (gender, birthYear) => HONORIFICS.includes(chooseHonorific({ gender, birthYear, year: 2026 }))));
  });
});

describe('templates', () => {
  test('fills placeholders and marks gaps with an ellipsis', () => {
    expect(fillTemplate('Kính gửi {danh_xung} {ho_ten}, {noi_dung}.', { danh_xung: 'Bà', ho_ten: 'Lê Thị Mai' })).toBe('Kính gửi Bà Lê Thị Mai, ….');
    expect(missingFields('{a} {b} {a}', { a: 'x' })).toEqual(['b']);
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['b', 'a']);
    expect(paragraphsOf('Một\nhai\n\n  Ba  \n\n\n')).toEqual(['Một hai', 'Ba']);
  });
  test('every kind has a subject, a body and its own symbol', () => {
    const symbols = new Set(LETTER_KINDS.map((k) => KIND_SPECS[k].symbol));
    expect(symbols.size).toBe(LETTER_KINDS.length);
    for (const k of LETTER_KINDS) expect(placeholdersOf(KIND_SPECS[k].body)).toContain('ho_ten');
    expect(letterNumber('marriage', 5)).toBe('5/TCM-UBND');
    expect(paddedLetterNumber('apology', 7)).toBe('07/TXL-UBND');
    expect(paddedLetterNumber('thanks', 12)).toBe('12/TCO-UBND');
  });
});

describe('mail-merge CSV', () => {
  test('reads known columns and keeps the others as template fields', () => {
    const { rows, errors } = parseMergeCsv('\uFEFFho_ten,gioi_tinh,nam_sinh,dia_chi,noi_dung\nNguyễn Văn Bình,nam,1958,"Số 3, tổ 2",ủng hộ 10 triệu đồng\nLê Thị Mai,Nữ,,,hiến đất\n', 2026);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, name: 'Nguyễn Văn Bình', gender: 'male', birthYear: 1958, address: 'Số 3, tổ 2', fields: { noi_dung: 'ủng hộ 10 triệu đồng' } });
    expect(rows[1]).toMatchObject({ gender: 'female', birthYear: null, address: null });
  });
  test('semicolons work; errors name the line and nothing is kept', () => {
    expect(parseMergeCsv('ho_ten;danh_xung\nA;Cụ', 2026).rows[0].honorific).toBe('Cụ');
    const bad = parseMergeCsv('ho_ten,gioi_tinh,nam_sinh\n,nam,1990\nB,khác,\nC,nữ,3000', 2026);
    expect(bad.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(bad.errors[0].message).toContain('thiếu họ tên');
    expect(parseMergeCsv('ho_ten\n', 2026).errors[0].message).toContain('không có dòng');
  });
});

describe('occasions', () => {
  test('solar dates are fixed; Tết, Hùng Kings and Mid-Autumn come from the lunar calendar', () => {
    const o = Object.fromEntries(occasionsOfYear(2026).map((x) => [x.key, x.date]));
    expect(o.tet).toBe('2026-02-17');
    expect(o['hung-kings']).toBe('2026-04-26');
    expect(o['mid-autumn']).toBe('2026-09-25');
    expect(o['national-day']).toBe('2026-09-02');
    expect(o['elderly-day']).toBe('2026-10-01');
    expect(Object.fromEntries(occasionsOfYear(2027).map((x) => [x.key, x.date])).tet).toBe('2027-02-06');
  });
  test('reminders go out ten days ahead, across the new year', () => {
    expect(occasionsToRemind('2026-08-23').map((o) => o.key)).toEqual(['national-day']);
    expect(occasionsToRemind('2026-12-22').map((o) => o.key)).toEqual(['new-year']);
    expect(occasionsToRemind('2026-08-24')).toEqual([]);
  });
});

describe('volunteer hours', () => {
  const at = (t: string) => new Date(`2026-03-02T${t}:00+07:00`);
  test('from check-in to check-out, quarter hours, capped at the shift plus one hour', () => {
    expect(attendanceHours('morning', at('07:30'), at('11:30'))).toBe(4);
    expect(attendanceHours('morning', at('07:40'), at('10:50'))).toBe(3.25);
    expect(attendanceHours('afternoon', at('13:30'), at('23:00'))).toBe(4.5);
    expect(attendanceHours('morning', at('07:30'), null)).toBe(0);
    expect(attendanceHours('morning', at('09:00'), at('08:00'))).toBe(0);
  });
  test('per person and per organisation', () => {
    const rows = [
      { name: 'A', phone: '1', organisation: 'Đoàn', shift: 'morning' as const, checkedIn: at('07:30'), checkedOut: at('11:30') },
      { name: 'A', phone: '1', organisation: 'Đoàn', shift: 'afternoon' as const, checkedIn: at('13:30'), checkedOut: at('15:30') },
      { name: 'B', phone: '2', organisation: 'Hội Phụ nữ', shift: 'morning' as const, checkedIn: at('07:30'), checkedOut: at('09:30') },
      { name: 'C', phone: '3', organisation: 'Đoàn', shift: 'morning' as const, checkedIn: null, checkedOut: null },
    ];
    expect(hoursBy(rows, 'person')).toEqual([
      { key: '1', label: 'A (Đoàn)', shifts: 2, hours: 6 }, { key: '2', label: 'B (Hội Phụ nữ)', shifts: 1, hours: 2 }]);
    expect(hoursBy(rows, 'organisation').map((r) => [r.key, r.hours])).toEqual([['Đoàn', 6], ['Hội Phụ nữ', 2]]);
  });
});
