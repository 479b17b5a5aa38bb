import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Search quality on the real search route and database: the 40 shared development questions
 * (copied from shared/data/questions-dev.json) plus our own realistic queries — with and
 * without marks, misspelled, colloquial, whole questions, some in English.
 */
interface Question { q: string; expected: string[]; kind: string }

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (file: string): Question[] => JSON.parse(readFileSync(path.join(here, file), 'utf8'));
const QUESTIONS = [...load('questions-dev.json'), ...load('queries-own.json')];

let t: TestApp;
let referenceIdOf: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.db.selectFrom('catalogue_procedures').select(['id', 'reference_id']).where('unit_id', '=', await t.unitId()).execute();
  referenceIdOf = new Map(rows.map((r: any) => [r.id, r.reference_id]));
});
afterAll(async () => { await t?.close(); });

describe('catalogue search quality', () => {
  it(`finds the expected procedure in the top 3 for at least 90 % of ${QUESTIONS.length} queries`, async () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const question of QUESTIONS) {
      const res = await fetch(`${t.url}/api/v1/units/chu-van-an/procedures?limit=3&q=${encodeURIComponent(question.q)}`);
      expect(res.status).toBe(200);
      const ids = ((await res.json()) as { items: { id: string }[] }).items.map((i) => referenceIdOf.get(i.id));
      if (question.expected.includes(ids[0] ?? '')) top1 += 1;
      if (ids.some((id) => question.expected.includes(id ?? ''))) top3 += 1;
      else misses.push(`${question.q} → ${ids.join(', ')} (want ${question.expected.join(' | ')})`);
    }
    const report = { queries: QUESTIONS.length, top1_rate: +(top1 / QUESTIONS.length).toFixed(3), top3_rate: +(top3 / QUESTIONS.length).toFixed(3), misses };
    console.log(JSON.stringify(report, null, 1));
    expect(report.top3_rate).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
