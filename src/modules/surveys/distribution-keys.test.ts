import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { up } from './migrations/0003-distribution-keys.js';

const app = useTestApp();

async function aSurveyAndAnotherUnit(): Promise<{ surveyId: string; unitId: string; other: string }> {
  const t = app();
  const unitId = await t.unitId();
  const { rows: [s] } = await sql<{ id: string }>`select id from surveys where unit_id = ${unitId} limit 1`.execute(t.db);
  const { rows: [o] } = await sql<{ id: string }>`select id from units where id <> ${unitId} and type <> 'city' order by slug limit 1`.execute(t.db);
  return { surveyId: s.id, unitId, other: o.id };
}

it('a response or a version cannot point at a survey of another unit (co-located foreign keys)', async () => {
  const t = app();
  const { surveyId, unitId, other } = await aSurveyAndAnotherUnit();
  await expect(sql`insert into survey_responses (unit_id, survey_id, version, channel, answers) values (${other}, ${surveyId}, 1, 'online', '{}')`
    .execute(t.db)).rejects.toThrow(/survey_responses_survey_id_fkey/);
  await expect(sql`insert into survey_versions (unit_id, survey_id, version, definition) values (${other}, ${surveyId}, 999, '{}')`
    .execute(t.db)).rejects.toThrow(/survey_versions_survey_id_fkey/);
  await sql`insert into survey_respondent_keys (unit_id, survey_id, key) values (${unitId}, ${surveyId}, 'distribution-test')`.execute(t.db);
  await expect(sql`insert into survey_respondent_keys (unit_id, survey_id, key) values (${unitId}, ${surveyId}, 'distribution-test')`
    .execute(t.db)).rejects.toThrow(/survey_respondent_keys_pkey/);
});

it('the migration stops and names the table when a row sits in another unit than its survey', async () => {
  const t = app();
  const { surveyId, unitId, other } = await aSurveyAndAnotherUnit();
  await expect(t.db.transaction().execute(async (trx) => {
    await sql`alter table survey_otps drop constraint survey_otps_survey_id_fkey`.execute(trx);
    await sql`insert into survey_otps (unit_id, survey_id, phone_key, code_hash, expires_at)
      values (${other}, ${surveyId}, 'k', 'h', now())`.execute(trx);
    await up(trx);
  })).rejects.toThrow(/^survey_otps: 1 row\(s\) have another unit_id than their survey/);
  expect((await sql`select 1 from survey_otps where unit_id = ${other} and survey_id = ${surveyId}`.execute(t.db)).rows).toHaveLength(0);
  expect(unitId).not.toBe(other);
});
