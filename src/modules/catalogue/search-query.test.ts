import { describe, expect, it } from 'vitest';
import { analyseQuery, WEIGHT } from './search-query.js';

const termsOf = (q: string) => [...analyseQuery(q).terms.keys()].sort();

describe('analyseQuery', () => {
  it('folds diacritics and glues adjacent words into pair terms', () => {
    expect(termsOf('Khai sinh')).toEqual(['khai', 'khaisinh', 'sinh']);
    expect(termsOf('khai sinh')).toEqual(termsOf('Khai sinh'));
  });

  it('drops question words and fillers', () => {
    const plan = analyseQuery('làm sao để đăng ký kết hôn, hết bao nhiêu tiền?');
    expect(plan.terms.has('sao')).toBe(false);
    expect(plan.terms.has('tien')).toBe(false);
    expect(plan.terms.has('ket')).toBe(true);
    expect(plan.terms.has('kethon')).toBe(true);
    expect(plan.text).toBe('de dang ky ket hon');
  });

  it('maps colloquial phrases to catalogue words', () => {
    const plan = analyseQuery('con tôi mới sinh cần làm giấy gì');
    expect(plan.terms.get('khaisinh')).toBe(WEIGHT.synonym);
    expect(analyseQuery('giấy chứng tử').terms.get('khaitu')).toBe(WEIGHT.synonym);
    expect(analyseQuery('con mới đẻ').terms.has('khaisinh')).toBe(true);
  });

  it('lets the longest phrase win ("chưa cưới" is not a marriage)', () => {
    const plan = analyseQuery('chúng em chưa cưới mà có con');
    expect(plan.terms.has('nhan')).toBe(true);
    expect(plan.terms.has('kethon')).toBe(false);
  });

  it('finds the number of pages for a fee estimate', () => {
    expect(analyseQuery('chung thuc 5 trang het bao nhieu').quantity).toBe(5);
    expect(analyseQuery('chung thuc ban sao').quantity).toBeNull();
    expect(analyseQuery('chung thuc 5000 trang').quantity).toBeNull();
  });

  it('offers typed words of 3+ letters for spelling correction', () => {
    expect(analyseQuery('khai sinhh').spellingCandidates).toEqual(['khai', 'sinhh']);
  });

  it('returns no terms for an empty or stop-word-only query', () => {
    expect(termsOf('')).toEqual([]);
    expect(termsOf('làm sao bao nhiêu ?')).toEqual([]);
  });

  it('bounds the work done on very long input', () => {
    const plan = analyseQuery('khai sinh '.repeat(500));
    expect([...plan.terms.keys()].sort()).toEqual(["khai", "khaisinh", "sinh", "sinhkhai"]);
  });
});
