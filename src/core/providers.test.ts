import { afterEach, describe, expect, it } from 'vitest';
import { computeIndicators, provider, registerIndicators, registerProviders, resetProvidersForTests, vnYearBounds } from './providers.js';

declare module './providers.js' {
  interface ProviderRegistry { testGreeting: { greet(name: string): string } }
}

describe('providers', () => {
  afterEach(() => { resetProvidersForTests(); registerIndicators('m1', undefined); registerIndicators('m2', undefined); });

  it('returns null for a provider whose module is not installed, the provider once registered', () => {
    resetProvidersForTests();
    expect(provider('testGreeting')).toBeNull();
    registerProviders('greeter', { testGreeting: { greet: (n) => `Xin chào ${n}` } });
    expect(provider('testGreeting')?.greet('Lan')).toBe('Xin chào Lan');
  });

  it('refuses two modules providing the same key', () => {
    registerProviders('a', { testGreeting: { greet: () => 'a' } });
    expect(() => registerProviders('b', { testGreeting: { greet: () => 'b' } })).toThrow(/both a and b/);
  });

  it('computes indicators: missing values are null, errors surface', async () => {
    const def = (id: string) => ({ id, criterion: 1 as const, label: { vi: id, en: id }, formula: { vi: '', en: '' }, unit: 'count' as const });
    registerIndicators('m1', { definitions: [def('m1.a'), def('m1.b')], compute: async () => [{ id: 'm1.a', value: 3 }] });
    const ctx = { db: null as never, unitId: 'u', year: 2026, ...vnYearBounds(2026), now: new Date() };
    const out = await computeIndicators(ctx);
    expect(out.map((o) => [o.id, o.value])).toEqual([['m1.a', 3], ['m1.b', null]]);
    registerIndicators('m2', { definitions: [def('m2.x')], compute: async () => { throw new Error('boom'); } });
    await expect(computeIndicators(ctx)).rejects.toThrow('boom');
  });

  it('bounds a year in Vietnam time', () => {
    const { from, to } = vnYearBounds(2026);
    expect(from.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});
