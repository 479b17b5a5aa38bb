import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data.js';

describe('findPersonalData', () => {
  it('finds phone numbers in the usual Vietnamese spellings', () => {
    for (const s of ['Liên hệ 0912345678', 'gọi 0912 345 678 nhé', 'số 091.234.5678', '+84 912 345 678', 'ĐT: 024-3825-1234']) {
      expect(findPersonalData(s), s).toEqual(['phone']);
    }
  });
  it('finds ID numbers and e-mail addresses', () => {
    expect(findPersonalData('CCCD 001203004567 của ông')).toEqual(['idNumber']);
    expect(findPersonalData('CMND 123456789')).toEqual(['idNumber']);
    expect(findPersonalData('gửi về hoa.nguyen@example.vn')).toEqual(['email']);
  });
  it('leaves dates, money, house numbers and lane numbers alone', () => {
    const plain = ['Đã vá ngày 12/11/2026.', 'Kinh phí 150.000.000 đồng.', 'Ngõ 33, số nhà 28.', 'Năm 2026 lắp 12 ghế.', 'Quyết định 1234/QĐ-UBND'];
    for (const s of plain) {
      expect(findPersonalData(s), s).toEqual([]);
    }
  });
});
