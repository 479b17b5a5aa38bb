import { foldDiacritics } from '../../lib/vn-text/index.js';

/**
 * Numbers in a text, normalised: `200.000 đ` → `200000`, `5 ngày` → `5`, `15:00` → `15`, `00`.
 * Thousands separators (. or , before three digits) are joined.
 */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d{3})*(?:[.,]\d+)?/g)) {
    const raw = m[0];
    const joined = /^\d{1,3}([.,]\d{3})+$/.test(raw) ? raw.replace(/[.,]/g, '') : raw.replace(',', '.');
    out.push(String(Number(joined)));
  }
  return out;
}

/**
 * A model's answer may only restate the sources: every number in it (fees, days, hours, counts)
 * must appear in the retrieved facts, and it must name the procedure. Returns the problems found.
 */
export function ungroundedFacts(answer: string, sources: string, procedureName: string): string[] {
  const allowed = new Set(numbersIn(sources));
  const problems = numbersIn(answer).filter((n) => !allowed.has(n)).map((n) => `number ${n} not in the sources`);
  const fold = (s: string) => foldDiacritics(s).replace(/\s+/g, ' ');
  if (!fold(answer).includes(fold(procedureName))) problems.push('procedure not named');
  return problems;
}
