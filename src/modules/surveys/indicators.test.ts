import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { vnYearBounds } from '../../core/providers.js';
import { surveyIndicatorSource } from './indicator-source.js';
import { centreJsonAnswers } from './test-support.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('survey indicators', () => {
  it('gives the satisfaction index of each survey kind, nothing after "now"', async () => {
    const unitId = await t.unitId('chi-linh'); // every unit has the two standard surveys, no responses
    await sql`insert into survey_versions (unit_id, survey_id, version, definition)
      select unit_id, id, 1, draft from surveys where unit_id = ${unitId} and kind = 'centre'`.execute(t.db);
    // respondent means 5, 4, 3, 2 in 2025 (scores 100, 75, 50, 25); one more in December, after "now"
    const responses: [number, string][] = [[5, '2025-02-01'], [4, '2025-03-01'], [3, '2025-04-01'], [2, '2025-05-01'], [1, '2025-12-01']];
    for (const [score, day] of responses) {
      await sql`insert into survey_responses (unit_id, survey_id, version, channel, answers, submitted_at)
        select unit_id, id, 1, 'online', ${JSON.stringify(centreJsonAnswers(score))}::jsonb, ${new Date(`${day}T09:00:00+07:00`)}
        from surveys where unit_id = ${unitId} and kind = 'centre'`.execute(t.db);
    }
    const ctx = (now: Date) => ({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now });
    expect(await surveyIndicatorSource.compute(ctx(new Date('2025-06-30T00:00:00Z')))).toEqual([
      { id: 'surveys.centre_satisfaction', value: 62.5, denominator: 4, drillDown: 'khao-sat', note: 'n = 4; 50 % ≥ 4/5' },
      { id: 'surveys.government_satisfaction', value: null, denominator: 0, drillDown: 'khao-sat' },
    ]);
    // The whole year: the December respondent (score 0) counts too → (100 + 75 + 50 + 25 + 0) / 5
    expect((await surveyIndicatorSource.compute(ctx(new Date('2026-03-01T00:00:00Z'))))[0]).toMatchObject({ value: 50, denominator: 5 });
  });
});
