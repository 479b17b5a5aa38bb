import { randomInt } from 'node:crypto';

/** Unambiguous alphabet: digits and capitals without 0/O, 1/I/L (31 symbols). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_LENGTH = 6;

/**
 * A tracking code such as `PA-2026-7KQ3XM`: prefix, year of receipt, six random symbols
 * (31^6 ≈ 887 million per year, so a collision is rare; the insert retries when one happens).
 */
export function newTrackingCode(year: number, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) tail += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `PA-${year}-${tail}`;
}

const CODE_PATTERN = new RegExp(`^PA-(\\d{4})-([${CODE_ALPHABET}]{4,8})$`);

/**
 * Normalise what a citizen typed: trim, upper-case, tolerate spaces, underscores and missing
 * dashes. Symbols outside the alphabet (0, O, 1, I, L) make the code invalid: they never occur.
 */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s_–—]+/g, '-').replace(/-+/g, '-');
  const m = /^PA-?(\d{4})-?([A-Z0-9]{4,8})$/.exec(compact);
  if (!m) return null;
  const code = `PA-${m[1]}-${m[2]}`;
  return CODE_PATTERN.test(code) ? code : null;
}
