import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { estimateWaitSeconds, median, typicalServiceSeconds } from './estimate.js';

describe('estimated wait', () => {
  test('nobody ahead means no wait', () => {
    expect(estimateWaitSeconds({ ahead: 0, openCounters: 1, recentServiceSeconds: [600], defaultServiceSeconds: 300 })).toBe(0);
  });
  test('uses the median of recent service times', () => {
    // median of 240, 300, 360, 3600 = 330; 5 ahead on 2 counters = 3 rounds
    expect(estimateWaitSeconds({ ahead: 5, openCounters: 2, recentServiceSeconds: [300, 240, 3600, 360], defaultServiceSeconds: 100 })).toBe(990);
  });
  test('falls back to the default with too few samples', () => {
    expect(estimateWaitSeconds({ ahead: 2, openCounters: 1, recentServiceSeconds: [50], defaultServiceSeconds: 420 })).toBe(840);
  });
  test('a closed service is estimated as if one counter were open', () => {
    expect(estimateWaitSeconds({ ahead: 3, openCounters: 0, recentServiceSeconds: [], defaultServiceSeconds: 60 })).toBe(180);
  });
  test('median and typical time', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(typicalServiceSeconds([0, -1, 10, 20, 30], 5)).toBe(20);
  });
  test('more people ahead never means a shorter wait', () => {
    fc.assert(fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 0, max: 6 }),
      fc.array(fc.integer({ min: 1, max: 3600 }), { maxLength: 30 }), (a, b, c, recent) => {
        const e = (ahead: number) => estimateWaitSeconds({ ahead, openCounters: c, recentServiceSeconds: recent, defaultServiceSeconds: 300 });
        expect(e(Math.min(a, b))).toBeLessThanOrEqual(e(Math.max(a, b)));
      }));
  });
});
