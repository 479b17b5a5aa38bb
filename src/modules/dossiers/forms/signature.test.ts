import { describe, expect, test } from 'vitest';
import { committeeSigner, signatureTitle } from './signature.js';

describe('Decree 30 signature block of the People\'s Committee', () => {
  test('the chair signs TM. over CHỦ TỊCH', () => {
    for (const title of ['Chủ tịch', 'CHỦ TỊCH', ' chủ  tịch ', 'Chủ tịch UBND phường']) {
      expect(committeeSigner(title, 'Phạm Văn Hùng')).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Phạm Văn Hùng' });
    }
  });
  test('anyone else signs KT. CHỦ TỊCH above their own title', () => {
    expect(committeeSigner('Phó Chủ tịch', 'Trần Minh Đức')).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Trần Minh Đức' });
    expect(committeeSigner('Phó Chủ tịch UBND phường', 'Trần Minh Đức').title).toBe('PHÓ CHỦ TỊCH');
    expect(committeeSigner('Phó Chủ tịch Ủy ban nhân dân phường Chu Văn An', 'Trần Minh Đức').authority).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']);
  });
  test('an acting chair signs Q. CHỦ TỊCH', () => {
    expect(committeeSigner('Quyền Chủ tịch', 'Lê Văn Nam')).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'Q. CHỦ TỊCH', name: 'Lê Văn Nam' });
  });
  test('titles are upper-cased in Vietnamese and never empty', () => {
    expect(signatureTitle('phó chủ tịch')).toBe('PHÓ CHỦ TỊCH');
    expect(signatureTitle('  ')).toBe('CHỦ TỊCH');
  });
});
