import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Search quality on the real search route and database, in two sets:
 * - tuning: the 40 shared development questions (copied from shared/data/questions-dev.json) plus
 *   our own realistic queries — with and without marks, misspelled, colloquial, whole questions,
 *   some in English. Synonyms and ranking were adjusted while looking at these.
 * - held-out (queries-heldout.json): written before looking at any result and never used for
 *   tuning, mostly typed as an elderly citizen would: no marks, Telex leftovers, l/n, ch/tr, s/x
 *   mix-ups, joined words, capitals. Only a general fix may follow a miss here (never a rule for
 *   one query); see docs/catalogue-search.md for the first-look figures.
 */
interface Question { q: string; expected: string[]; kind: string }

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (file: string): Question[] => JSON.parse(readFileSync(path.join(here, file), 'utf8'));
const TUNING = [...load('questions-dev.json'), ...load('queries-own.json')];
const HELD_OUT = load('queries-heldout.json');

let t: TestApp;
let referenceIdOf: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.db.selectFrom('catalogue_procedures').select(['id', 'reference_id']).where('unit_id', '=', await t.unitId()).execute();
  referenceIdOf = new Map(rows.map((r: any) => [r.id, r.reference_id]));
});
afterAll(async () => { await t?.close(); });

async function score(questions: Question[]) {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const question of questions) {
    const res = await fetch(`${t.url}/api/v1/units/chu-van-an/procedures?limit=3&q=${encodeURIComponent(question.q)}`);
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as { items: { id: string }[] }).items.map((i) => referenceIdOf.get(i.id));
    if (question.expected.includes(ids[0] ?? '')) top1 += 1;
    if (ids.some((id) => question.expected.includes(id ?? ''))) top3 += 1;
    else misses.push(`${question.q} → ${ids.join(', ')} (want ${question.expected.join(' | ')})`);
  }
  return { queries: questions.length, top1, top3, top1_rate: +(top1 / questions.length).toFixed(3), top3_rate: +(top3 / questions.length).toFixed(3), misses };
}

describe('catalogue search quality', () => {
  it(`finds the expected procedure in the top 3 for at least 90 % of ${TUNING.length + HELD_OUT.length} queries, reporting the held-out set apart`, async () => {
    expect(TUNING.length).toBeGreaterThanOrEqual(60);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(20);
    expect(HELD_OUT.filter((q) => /^(no-diacritics|misspelled)/.test(q.kind)).length).toBeGreaterThanOrEqual(10);
    // a held-out query must not also be a tuning query
    const tuning = new Set(TUNING.map((q) => q.q.toLowerCase()));
    expect(HELD_OUT.filter((q) => tuning.has(q.q.toLowerCase()))).toEqual([]);
    const tuningScore = await score(TUNING);
    const heldOut = await score(HELD_OUT);
    const n = tuningScore.queries + heldOut.queries;
    const overall = { queries: n, top1_rate: +((tuningScore.top1 + heldOut.top1) / n).toFixed(3), top3_rate: +((tuningScore.top3 + heldOut.top3) / n).toFixed(3) };
    console.log(JSON.stringify({ tuning: tuningScore, held_out: heldOut, overall }, null, 1));
    expect(overall.top3_rate).toBeGreaterThanOrEqual(0.9);
    expect(tuningScore.top3_rate).toBeGreaterThanOrEqual(0.9);
    // a guard against regressions on queries nobody tuned for (first look: 30 of 31)
    expect(heldOut.top3_rate).toBeGreaterThanOrEqual(0.85);
  }, 120_000);
});
