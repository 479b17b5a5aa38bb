import { collationKey } from '../../lib/vn-text/index.js';

type Key = ReturnType<typeof collationKey>;

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const compareKeys = (a: Key, b: Key) =>
  Math.sign(compareArrays(a.letters, b.letters)) || Math.sign(compareArrays(a.tones, b.tones)) || Math.sign(compareArrays(a.cases, b.cases));

/**
 * Sorted copy in Vietnamese dictionary order by one or more texts (the first decides, the next
 * break ties) — the order of `sortVi`, but each text's collation key is computed once instead of
 * at every comparison: 2,000 procedures sort in milliseconds rather than most of a second.
 */
export function sortByVi<T>(items: readonly T[], ...by: ((item: T) => string)[]): T[] {
  const keyed = items.map((item) => ({ item, keys: by.map((f) => collationKey(f(item))) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < by.length; i++) {
      const c = compareKeys(x.keys[i], y.keys[i]);
      if (c) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
