import { randomInt } from 'node:crypto';

/** Unambiguous alphabet: digits and capitals without 0/O, 1/I/L (31 symbols). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RANDOM_LENGTH = 10;

/**
 * A tracking code such as `PA-2026-7KQ3XM8RTW`: prefix, year of receipt, ten random symbols
 * (31^10 ≈ 8.2 × 10^14 per year): guessing a live code at the look-up limit (200 per address per
 * day) is hopeless, see docs/security.md. Codes of 6 symbols issued before stay valid.
 */
export function newTrackingCode(year: number, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) tail += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `PA-${year}-${tail}`;
}

const CODE_PATTERN = new RegExp(`^PA-(\\d{4})-([${CODE_ALPHABET}]{4,10})$`);

/**
 * Normalise what a citizen typed: trim, upper-case, tolerate spaces, underscores and missing
 * dashes. Symbols outside the alphabet (0, O, 1, I, L) make the code invalid: they never occur.
 */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s_–—]+/g, '-').replace(/-+/g, '-');
  const m = /^PA-?(\d{4})-?([A-Z0-9]{4,10})$/.exec(compact);
  if (!m) return null;
  const code = `PA-${m[1]}-${m[2]}`;
  return CODE_PATTERN.test(code) ? code : null;
}
