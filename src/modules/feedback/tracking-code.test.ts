import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('uses no ambiguous symbol', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_ALPHABET).toHaveLength(31);
  });

  it('builds PA-year-ten symbols', () => {
    const code = newTrackingCode(2026);
    expect(code).toMatch(/^PA-2026-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(newTrackingCode(2026, () => 0)).toBe('PA-2026-2222222222');
  });

  it('is practically unique', () => {
    const codes = new Set(Array.from({ length: 20000 }, () => newTrackingCode(2026)));
    expect(codes.size).toBeGreaterThan(19990);
  });

  it('normalises what a citizen types and rejects look-alikes', () => {
    expect(normaliseTrackingCode(' pa 2026 7kq3xm ')).toBe('PA-2026-7KQ3XM');
    expect(normaliseTrackingCode('PA20267KQ3')).toBe('PA-2026-7KQ3');
    expect(normaliseTrackingCode('PA-2026-7KO3XM')).toBeNull();
    expect(normaliseTrackingCode('hello')).toBeNull();
  });
});
