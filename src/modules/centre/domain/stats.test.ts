import { describe, expect, test } from 'vitest';
import { distribution, groupStats, histogram, percentile, statsBy, summariseRatings, type TicketFact } from './stats.js';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+07:00`);
const t = (service: string, counter: string | null, status: TicketFact['status'], created: string, called?: string, finished?: string): TicketFact => ({
  service, counter, status, createdAt: at(created), calledAt: called ? at(called) : null, startedAt: null, finishedAt: finished ? at(finished) : null,
});

// Known inputs: 3 "A" tickets and 2 "B" tickets on a Monday morning.
const day: TicketFact[] = [
  t('A', '1', 'done', '08:00', '08:05', '08:15'),    // wait 5 min, service 10 min
  t('A', '1', 'done', '08:10', '08:25', '08:30'),    // wait 15, service 5
  t('A', '2', 'no_show', '09:00', '09:40'),          // wait 40, no show
  t('B', '2', 'done', '09:30', '09:32', '09:52'),    // wait 2, service 20
  t('B', null, 'waiting', '10:00'),
];

describe('queue statistics', () => {
  test('percentiles use the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([], 50)).toBe(0);
    expect(distribution([60, 120, 600])).toEqual({ count: 3, mean: 260, p50: 120, p90: 600, max: 600 });
  });
  test('by service', () => {
    const [a, b] = statsBy('service', day);
    expect(a).toMatchObject({ key: 'A', tickets: 3, served: 2, noShows: 1 });
    expect(a.wait).toEqual({ count: 3, mean: 1200, p50: 900, p90: 2400, max: 2400 });
    expect(a.service).toEqual({ count: 2, mean: 450, p50: 300, p90: 600, max: 600 });
    expect(a.waitHistogram).toEqual([0, 1, 0, 1, 1, 0]);
    expect(b).toMatchObject({ key: 'B', tickets: 2, served: 1, noShows: 0 });
    expect(b.wait.p50).toBe(120);
  });
  test('by counter leaves out tickets never called', () => {
    const rows = statsBy('counter', day);
    expect(rows.map((r) => [r.key, r.tickets, r.noShows])).toEqual([['1', 2, 0], ['2', 2, 1]]);
  });
  test('by hour of arrival in Vietnam time', () => {
    expect(statsBy('hour', day).map((r) => [r.key, r.tickets])).toEqual([['08', 2], ['09', 2], ['10', 1]]);
  });
  test('histogram buckets', () => {
    expect(histogram([0, 299, 300, 3599, 3600])).toEqual([2, 1, 0, 0, 1, 1]);
    expect(groupStats('x', []).wait.count).toBe(0);
  });
  test('ratings summary', () => {
    expect(summariseRatings(['satisfied', 'satisfied', 'normal', 'unsatisfied', 'satisfied', 'satisfied'])).toEqual({
      total: 6, satisfied: 4, normal: 1, unsatisfied: 1, satisfiedRate: 66.7,
    });
    expect(summariseRatings([]).satisfiedRate).toBe(0);
  });
});
