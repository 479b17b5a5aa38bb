/**
 * Letter templates are plain text with placeholders in braces, e.g.
 * "Thân gửi {danh_xung} {ho_ten}". Staff edit them; a paragraph break is a blank line.
 */
export type LetterFields = Record<string, string | undefined>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholders a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills a template; a placeholder without a value becomes "…" so the gap is visible on paper.
 * @example fillTemplate('Kính gửi {danh_xung} {ho_ten}', { danh_xung: 'Bà', ho_ten: 'Lê Thị Mai' }) // 'Kính gửi Bà Lê Thị Mai'
 */
export function fillTemplate(template: string, fields: LetterFields): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const v = fields[key]?.trim();
    return v ? v : '…';
  });
}

/** Placeholders a template uses that have no value in `fields`. */
export const missingFields = (template: string, fields: LetterFields): string[] =>
  placeholdersOf(template).filter((k) => !fields[k]?.trim());

/** Body paragraphs: blank lines separate paragraphs; single line breaks inside one are kept as spaces. */
export const paragraphsOf = (body: string): string[] =>
  body.replace(/\r\n/g, '\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
