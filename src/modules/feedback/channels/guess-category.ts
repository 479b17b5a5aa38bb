/** A first guess of the category of a message arriving by SMS, Zalo, Facebook or e-mail. */
import { foldDiacritics } from '../../../lib/vn-text/index.js';
import type { CategoryCode } from '../categories.js';

/** Folded (no diacritics, lower-case) keywords; the first category with a hit wins. */
const KEYWORDS: Array<[CategoryCode, string[]]> = [
  ['conduct', ['can bo', 'cong chuc', 'thai do', 'gay kho', 'nhung nhieu', 'hach dich', 'boi duong']],
  ['procedure', ['thu tuc', 'ho so', 'giay to', 'chung thuc', 'khai sinh', 'tam tru', 'mot cua']],
  ['environment', ['rac', 'o nhiem', 'mui hoi', 'nuoc thai', 'tieng on', 'khoi bui']],
  ['infrastructure', ['den duong', 'o ga', 'duong hong', 'via he', 'cong thoat', 'ngap', 'cay do']],
  ['security', ['trom', 'cuop', 'danh nhau', 'an ninh', 'tu tap', 'dua xe', 'lua dao']],
  ['praise', ['cam on', 'khen', 'tan tinh', 'chu dao']],
  ['suggestion', ['de nghi', 'kien nghi', 'gop y', 'de xuat']],
];

export function guessCategory(text: string): CategoryCode {
  const folded = ` ${foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [category, words] of KEYWORDS) {
    if (words.some((w) => folded.includes(` ${w} `))) return category;
  }
  return 'other';
}
