/**
 * Vietnamese dictionary order (TCVN 5712 / CLDR "vi"):
 * letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (other Latin letters
 * in their usual place), compared first without tones; ties are broken by tone in the
 * order ngang, huyền, hỏi, ngã, sắc, nặng; then by case (lower before upper).
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
/** Combining marks that change the letter (breve, circumflex, horn) rather than the tone. */
const LETTER_MARKS = /[\u0306\u0302\u031b]/;

interface CollationKey {
  letters: number[];
  tones: number[];
  cases: number[];
}

function letterRank(ch: string): number {
  const i = ALPHABET.indexOf(ch);
  if (i >= 0) return 1000 + i;
  if (/[0-9]/.test(ch)) return 100 + Number(ch);
  if (/\s/.test(ch)) return 1;
  return 2000 + (ch.codePointAt(0) ?? 0);
}

/** Splits each character into base letter (with its letter marks), tone and case. */
export function collationKey(text: string): CollationKey {
  const key: CollationKey = { letters: [], tones: [], cases: [] };
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const parts = lower.normalize('NFD');
    let base = parts[0] ?? '';
    let tone = 0;
    for (const mark of parts.slice(1)) {
      if (TONES[mark] !== undefined) tone = TONES[mark];
      else if (LETTER_MARKS.test(mark)) base += mark;
    }
    key.letters.push(letterRank(base.normalize('NFC')));
    key.tones.push(tone);
    key.cases.push(ch === lower ? 0 : 1);
  }
  return key;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Comparator for `Array.prototype.sort`: `names.sort(compareVi)`. */
export function compareVi(a: string, b: string): number {
  const ka = collationKey(a);
  const kb = collationKey(b);
  return (
    Math.sign(compareArrays(ka.letters, kb.letters)) ||
    Math.sign(compareArrays(ka.tones, kb.tones)) ||
    Math.sign(compareArrays(ka.cases, kb.cases))
  );
}

/** Sorted copy: `sortVi(items, (p) => p.name)`. */
export function sortVi<T>(items: readonly T[], by: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, text: by(item) }));
  keyed.sort((x, y) => compareVi(x.text, y.text));
  return keyed.map((k) => k.item);
}
