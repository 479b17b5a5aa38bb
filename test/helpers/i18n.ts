import { expect } from 'vitest';
import type { Messages } from '../../src/core/i18n.js';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/**
 * The checks every module's `i18n.test.ts` makes of its messages: the same keys in Vietnamese and
 * English, every key under `<prefix>.`, no empty text, and the same `{placeholders}` in both languages.
 */
export function expectCompleteMessages(messages: Messages, prefix: string): void {
  const vi = Object.keys(messages.vi).sort();
  const en = Object.keys(messages.en).sort();
  expect(vi.filter((k) => !en.includes(k)), 'Vietnamese only').toEqual([]);
  expect(en.filter((k) => !vi.includes(k)), 'English only').toEqual([]);
  expect(vi.filter((k) => !k.startsWith(`${prefix}.`)), `outside ${prefix}.`).toEqual([]);
  expect(vi.filter((k) => !messages.vi[k]!.trim() || !messages.en[k]!.trim()), 'empty').toEqual([]);
  const differ = vi.filter((k) => placeholders(messages.vi[k]!).join() !== placeholders(messages.en[k]!).join());
  expect(differ, 'placeholders differ').toEqual([]);
}
