import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareVi, sortVi } from './collate.js';

describe('compareVi', () => {
  it('orders the Vietnamese alphabet', () => {
    const letters = ['y', 'x', 'v', 'ư', 'u', 't', 's', 'r', 'q', 'p', 'ơ', 'ô', 'o', 'n', 'm', 'l', 'k', 'i', 'h', 'g', 'ê', 'e', 'đ', 'd', 'c', 'b', 'â', 'ă', 'a'];
    expect([...letters].sort(compareVi)).toEqual([...letters].reverse());
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'].sort(compareVi)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('compares letters before tones (tones only break ties)', () => {
    // "bà" < "bác": letters b-a < b-a-c decide before the tone of "a"
    expect(compareVi('bà', 'bác')).toBeLessThan(0);
    expect(compareVi('án', 'anh')).toBeLessThan(0);
  });

  it('puts đ after every d-word and ư after u', () => {
    expect(['Đông', 'Dương', 'Duy', 'Đào'].sort(compareVi)).toEqual(['Duy', 'Dương', 'Đào', 'Đông']);
    expect(['ưu', 'uy', 'ung'].sort(compareVi)).toEqual(['ung', 'uy', 'ưu']);
  });

  it('sorts field names like a Vietnamese index', () => {
    const fields = ['Tôn giáo', 'Hộ tịch', 'Đất đai', 'Chứng thực', 'Cư trú', 'Bảo trợ xã hội', 'Giáo dục', 'Đăng ký kinh doanh', 'Người có công', 'Văn hóa'];
    expect(sortVi(fields, (f) => f)).toEqual([
      'Bảo trợ xã hội', 'Chứng thực', 'Cư trú', 'Đăng ký kinh doanh', 'Đất đai', 'Giáo dục', 'Hộ tịch', 'Người có công', 'Tôn giáo', 'Văn hóa',
    ]);
  });

  it('agrees with decomposed input and is a consistent total order', () => {
    expect(compareVi('Ước', 'Ước'.normalize('NFD'))).toBe(0);
    const viWord = fc.array(fc.constantFrom(...'aàáăằâấbcdđeêếgiìmnoôơờuưựy '.split('')), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(viWord, viWord, viWord, (a, b, c) => {
        expect(Math.sign(compareVi(a, b)) + Math.sign(compareVi(b, a))).toBe(0);
        if (compareVi(a, b) <= 0 && compareVi(b, c) <= 0) expect(compareVi(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('keeps the order of the former hand-written collator (TCVN 5712) on Vietnamese words', () => {
    const words = ['ưa', 'tờ', 'ôn', 'ơn', 'ân', 'đi', 'ba', 'ăn', 'di', 'on', 'an', 'bà', 'to', 'ua', 'Ánh', 'anh', 'Anh', 'Bắc Ninh', 'Bắc Giang'];
    expect([...words].sort(compareVi)).toEqual([
      'an', 'anh', 'Anh', 'Ánh', 'ăn', 'ân', 'ba', 'bà', 'Bắc Giang', 'Bắc Ninh', 'di', 'đi', 'on', 'ôn', 'ơn', 'to', 'tờ', 'ua', 'ưa',
    ]);
  });

  it('compares numbers inside texts by value', () => {
    expect(['Tổ 10', 'Tổ 2', 'Tổ 1'].sort(compareVi)).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 10']);
  });

  it('sorts by several texts, the first deciding', () => {
    const rows = [{ f: 'Hộ tịch', n: 'Khai tử' }, { f: 'Chứng thực', n: 'Chứng thực chữ ký' }, { f: 'Hộ tịch', n: 'Đăng ký kết hôn' }, { f: 'Hộ tịch', n: 'Cấp bản sao' }];
    expect(sortVi(rows, (r) => r.f, (r) => r.n).map((r) => r.n)).toEqual(['Chứng thực chữ ký', 'Cấp bản sao', 'Đăng ký kết hôn', 'Khai tử']);
  });
});
