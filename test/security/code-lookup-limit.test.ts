import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CODE_LOOKUP_LIMITS } from '../../src/core/http/lookup-limit.js';
import { CODE_ALPHABET, newTrackingCode, RANDOM_LENGTH } from '../../src/modules/feedback/tracking-code.js';

// Defect 4 (issue 11): 2,000 random tracking-code look-ups in 1.6 s were never limited.
process.env.TRUST_PROXY = '1';
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const from = (ip: string) => ({ 'x-forwarded-for': ip });

test('look-ups by code share one budget per address across the API and the pages', async () => {
  const perMinute = CODE_LOOKUP_LIMITS[0].max;
  const guesses = Array.from({ length: 60 }, () => newTrackingCode(2026));
  const statuses: number[] = [];
  for (const [i, code] of guesses.entries()) {
    const url = i % 3 === 0 ? `/api/v1/feedback/${code}` : i % 3 === 1 ? `/chu-van-an/phan-anh/${code}` : `/chu-van-an/phan-anh/tra-cuu?ma=${code}`;
    statuses.push((await fetch(`${t.url}${url}`, { headers: from('203.0.113.7'), redirect: 'manual' })).status);
  }
  expect(statuses.slice(0, perMinute).every((s) => s === 404)).toBe(true);
  expect(statuses.slice(perMinute).every((s) => s === 429)).toBe(true);
  const limited = await fetch(`${t.url}/api/v1/feedback/${guesses[0]}`, { headers: from('203.0.113.7') });
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  // Dossier look-ups count against the same budget; another address is not affected.
  expect((await fetch(`${t.url}/api/v1/dossiers/HS-XYZ?phone_last4=1234`, { headers: from('203.0.113.7') })).status).toBe(429);
  expect((await fetch(`${t.url}/api/v1/feedback/${guesses[1]}`, { headers: from('203.0.113.8') })).status).toBe(404);
});

test('codes are long enough that guessing at the allowed rate is hopeless', () => {
  const space = CODE_ALPHABET.length ** RANDOM_LENGTH;
  const perYear = CODE_LOOKUP_LIMITS[1].max * 365; // guesses one address may make in a year
  const liveCodes = 100_000; // far more feedback than a ward receives in a year
  expect(perYear * liveCodes / space).toBeLessThan(1e-2 / 1000); // < 1 % chance for 1,000 addresses in a year
  expect(newTrackingCode(2026)).toMatch(new RegExp(`^PA-2026-[${CODE_ALPHABET}]{${RANDOM_LENGTH}}$`));
});
