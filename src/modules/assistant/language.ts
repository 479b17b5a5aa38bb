import type { Lang } from '../../core/i18n.js';
import { tokenize } from '../../lib/vn-text/index.js';

const ENGLISH = new Set(['the', 'how', 'what', 'which', 'do', 'does', 'i', 'my', 'is', 'are', 'to', 'a', 'an', 'of', 'for', 'can',
  'get', 'need', 'want', 'much', 'long', 'where', 'when', 'it', 'in', 'at', 'register', 'certificate', 'cost', 'fee', 'please',
  'have', 'will', 'with', 'and', 'or', 'you', 'we', 'our', 'me', 'documents', 'take', 'online']);
const VIETNAMESE = new Set(['khong', 'ko', 'la', 'cua', 'cho', 'toi', 'gi', 'lam', 'sao', 'thi', 'co', 'duoc', 'bao', 'nhieu', 'giay',
  'dang', 'ky', 'o', 'dau', 'minh', 'em', 'anh', 'chi', 'nha', 'con', 'phi', 'ngay', 'mat', 'can', 'tu', 'ho', 'xin', 'a', 'nhe']);

/**
 * The language to answer in: Vietnamese when the question has Vietnamese marks or more Vietnamese
 * than English words; English when English words dominate; else the page's language.
 */
export function detectLanguage(question: string, fallback: Lang): Lang {
  if (/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(question)) return 'vi';
  const words = tokenize(question);
  const en = words.filter((w) => ENGLISH.has(w)).length;
  const vi = words.filter((w) => VIETNAMESE.has(w)).length;
  if (en > vi) return 'en';
  if (vi > en) return 'vi';
  return fallback;
}
