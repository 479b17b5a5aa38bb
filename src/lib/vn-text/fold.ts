/**
 * Diacritic folding for Vietnamese text: what a citizen types on a phone without
 * a Vietnamese keyboard. `foldDiacritics('Đăng ký khai sinh')` → `dang ky khai sinh`.
 * Removes every combining mark after NFD (tones and vowel marks) and maps đ/Đ → d.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * URL slug: `slugify('Đăng ký khai sinh')` → `dang-ky-khai-sinh`.
 * Anything that is not a-z or 0-9 after folding becomes a single hyphen.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
