import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldDiacritics, slugify } from './fold.js';

describe('foldDiacritics', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐỒNG', 'dong'],
    ['Chứng thực bản sao', 'chung thuc ban sao'],
    ['giấy chứng tử', 'giay chung tu'],
    ['Ủy ban nhân dân phường Chu Văn An', 'uy ban nhan dan phuong chu van an'],
    ['Hải Phòng', 'hai phong'],
    ['con mới đẻ', 'con moi de'],
    ['thừa kế, nhường', 'thua ke, nhuong'],
    ['ỹ ỵ ỷ ý ỳ', 'y y y y y'],
    ['already plain', 'already plain'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('folds every Vietnamese vowel with every tone to its base letter', () => {
    const bases: Record<string, string> = {
      a: 'aàảãáạăằẳẵắặâầẩẫấậ', e: 'eèẻẽéẹêềểễếệ', i: 'iìỉĩíị',
      o: 'oòỏõóọôồổỗốộơờởỡớợ', u: 'uùủũúụưừửữứự', y: 'yỳỷỹýỵ',
    };
    for (const [base, letters] of Object.entries(bases)) {
      for (const ch of letters) {
        expect(foldDiacritics(ch)).toBe(base);
        expect(foldDiacritics(ch.toUpperCase())).toBe(base);
      }
    }
  });

  it('treats decomposed (NFD) input like composed input', () => {
    const nfd = 'Đăng ký khai sinh'.normalize('NFD');
    expect(foldDiacritics(nfd)).toBe('dang ky khai sinh');
  });

  it('is idempotent and keeps length for composed text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
      }),
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang-ky-khai-sinh'],
    ['Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban'],
    ['Xét tặng danh hiệu "Gia đình văn hóa"', 'xet-tang-danh-hieu-gia-dinh-van-hoa'],
    ['  --Hộ tịch--  ', 'ho-tich'],
    ['Nghị định 123/2015/NĐ-CP', 'nghi-dinh-123-2015-nd-cp'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('Thực hiện trợ cấp xã hội hàng tháng người cao tuổi người khuyết tật trẻ em mồ côi', 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('thuc-hien-tro-cap-xa-hoi-hang-thang');
  });

  it('only ever produces a-z, 0-9 and single inner hyphens', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(slugify(s)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    );
  });
});
