import { expect, test } from 'vitest';
import { en } from './i18n-en.js';
import { vi } from './i18n-vi.js';

test('every message exists in Vietnamese and English with the same placeholders', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of Object.keys(vi)) expect({ k, p: params(en[k]) }).toEqual({ k, p: params(vi[k]) });
});
