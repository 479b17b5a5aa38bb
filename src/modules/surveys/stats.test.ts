import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanWithCi, scaleTo100, t95, wilson } from './stats.js';

describe('wilson', () => {
  it('matches the textbook interval for 8 of 10', () => {
    const i = wilson(8, 10)!;
    expect(i.low).toBeCloseTo(0.4902, 4);
    expect(i.high).toBeCloseTo(0.9433, 4);
  });
  it('stays inside [0, 1] at the extremes', () => {
    expect(wilson(0, 20)!.low).toBe(0);
    expect(wilson(0, 20)!.high).toBeCloseTo(0.1611, 4);
    expect(wilson(20, 20)!.high).toBe(1);
  });
  it('is null without observations', () => expect(wilson(0, 0)).toBeNull());
  it('always contains the observed proportion', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const x = Math.floor(n * f);
      const i = wilson(x, n)!;
      return i.low <= x / n + 1e-12 && x / n <= i.high + 1e-12;
    }));
  });
});

describe('t95', () => {
  it('uses the table for small samples', () => {
    expect(t95(4)).toBe(2.776);
    expect(t95(30)).toBe(2.042);
  });
  it('approximates larger df closely', () => {
    expect(t95(40)).toBeCloseTo(2.0211, 3);
    expect(t95(120)).toBeCloseTo(1.9799, 3);
    expect(t95(100000)).toBeCloseTo(1.96, 3);
  });
});

describe('meanWithCi', () => {
  it('computes the t interval of 1..5', () => {
    const m = meanWithCi([1, 2, 3, 4, 5])!;
    expect(m.mean).toBe(3);
    expect(m.sd).toBeCloseTo(1.5811, 4);
    expect(m.ci!.low).toBeCloseTo(1.0368, 3);
    expect(m.ci!.high).toBeCloseTo(4.9632, 3);
  });
  it('has no interval for a single value and nothing for none', () => {
    expect(meanWithCi([4])!.ci).toBeNull();
    expect(meanWithCi([])).toBeNull();
  });
});

it('scales 1..5 to 0..100', () => {
  expect([1, 2, 3, 4, 5].map(scaleTo100)).toEqual([0, 25, 50, 75, 100]);
});
