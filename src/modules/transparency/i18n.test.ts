import { describe, expect, it } from 'vitest';
import { messages } from './i18n.js';

describe('transparency messages', () => {
  it('has every Vietnamese key in English and the reverse', () => {
    const vi = Object.keys(messages.vi).sort();
    const en = Object.keys(messages.en).sort();
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
  });
});
