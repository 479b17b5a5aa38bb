/**
 * The shipped yearly holiday tables (data/reference/holidays/<year>.json), read and checked once.
 * A new year's table is added by dropping its JSON file there; no code change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type HolidayYear, parseHolidayYear } from '../../lib/vn-calendar/index.js';

const DIR = fileURLToPath(new URL('../../../data/reference/holidays/', import.meta.url));
let cached: HolidayYear[] | null = null;

/** @example shippedHolidayYears().map((t) => t.year) // [2025, 2026, 2027] */
export function shippedHolidayYears(): HolidayYear[] {
  cached ??= readdirSync(DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => parseHolidayYear(JSON.parse(readFileSync(DIR + f, 'utf8'))));
  return cached;
}
