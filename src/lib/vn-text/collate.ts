/**
 * Vietnamese dictionary order (TCVN 5712 / CLDR "vi") through ICU: letters
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, compared first without tones;
 * ties broken by tone (ngang, huyền, hỏi, ngã, sắc, nặng), then by case (lower first).
 * Numbers inside texts compare by value: "Tổ 2" before "Tổ 10".
 */
export const viCollator = new Intl.Collator('vi', { numeric: true });

/** Comparator for `Array.prototype.sort`: `names.sort(compareVi)`. */
export const compareVi = (a: string, b: string): number => viCollator.compare(a, b);

/**
 * Sorted copy in Vietnamese order by one or more texts (the first decides, the next break ties):
 * `sortVi(procedures, (p) => p.field, (p) => p.name)`.
 */
export function sortVi<T>(items: readonly T[], ...by: ((item: T) => string)[]): T[] {
  const keyed = items.map((item) => ({ item, texts: by.map((f) => f(item)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < by.length; i++) {
      const c = viCollator.compare(x.texts[i], y.texts[i]);
      if (c) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
