import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeKeepMarks } from './tokenize.js';

describe('tokenize', () => {
  it('splits on punctuation and folds', () => {
    expect(tokenize('Làm giấy khai sinh?')).toEqual(['lam', 'giay', 'khai', 'sinh']);
    expect(tokenize('chung thuc 5 trang, hết bao nhiêu?')).toEqual(['chung', 'thuc', '5', 'trang', 'het', 'bao', 'nhieu']);
    expect(tokenize('123/2015/NĐ-CP')).toEqual(['123', '2015', 'nd', 'cp']);
  });
  it('returns nothing for empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ?!… ')).toEqual([]);
  });
  it('keeps marks when asked', () => {
    expect(tokenizeKeepMarks('Đăng KÝ, khai-sinh')).toEqual(['đăng', 'ký', 'khai', 'sinh']);
  });
});
