import { foldDiacritics } from './fold.js';

/**
 * Words of a text, lower-cased and folded, in order:
 * `tokenize('Làm giấy khai sinh?')` → `['lam', 'giay', 'khai', 'sinh']`.
 * Letters and digits stay; everything else separates words.
 */
export function tokenize(text: string): string[] {
  return foldDiacritics(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Words with their Vietnamese marks kept (lower-case, NFC), for display-side matching. */
export function tokenizeKeepMarks(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
