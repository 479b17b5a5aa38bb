import { sql, type Generated, type Selectable, type Transaction } from 'kysely';
import { vnYearSql } from '../../core/sql-vn-time.js';
import type { StoredResponse } from './results.js';
import type { Channel, OneResponseRule, SurveyDefinition, SurveyKind, SurveyStatus } from './types.js';

/** Rows of the surveys tables, as Kysely sees them. */
interface SurveyTable {
  id: Generated<string>; unit_id: string; slug: string; kind: SurveyKind;
  title_vi: string; title_en: string; description_vi: string; description_en: string;
  status: Generated<SurveyStatus>; rule: OneResponseRule; public_results: Generated<boolean>;
  draft: SurveyDefinition; current_version: Generated<number>;
  created_at: Generated<Date>; updated_at: Generated<Date>; published_at: Date | null; closed_at: Date | null;
}
export type SurveyRow = Selectable<SurveyTable>;
interface VersionTable { id: Generated<string>; unit_id: string; survey_id: string; version: number; definition: SurveyDefinition; published_at: Generated<Date> }
interface ResponseTable {
  id: Generated<string>; unit_id: string; survey_id: string; version: number; channel: Channel;
  answers: unknown; submitted_at: Generated<Date>; entered_by: string | null;
}
interface KeyTable { unit_id: string; survey_id: string; key: string }
interface OtpTable {
  id: string; unit_id: string; survey_id: string; phone_key: string; code_hash: string; expires_at: Date;
  attempts: Generated<number>; verified_at: Date | null; used_at: Date | null; created_at: Generated<Date>;
}
type OtpRow = Selectable<OtpTable>;
export interface SurveyTables {
  surveys: SurveyTable; survey_versions: VersionTable; survey_responses: ResponseTable;
  survey_respondent_keys: KeyTable; survey_otps: OtpTable;
}
export type Trx = Transaction<SurveyTables>;
export type { OtpRow };

export const listSurveys = (trx: Trx, unitId: string) =>
  trx.selectFrom('surveys').selectAll().where('unit_id', '=', unitId).orderBy('created_at', 'desc').execute();

export const countResponsesBySurvey = async (trx: Trx, unitId: string): Promise<Map<string, number>> => {
  const rows = await trx.selectFrom('survey_responses').select(['survey_id', sql<number>`count(*)::int`.as('n')])
    .where('unit_id', '=', unitId).groupBy('survey_id').execute();
  return new Map(rows.map((r) => [r.survey_id, r.n]));
};

export const getSurvey = (trx: Trx, unitId: string, id: string) =>
  /^[0-9a-f-]{36}$/i.test(id)
    ? trx.selectFrom('surveys').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst()
    : Promise.resolve(undefined);

export const getSurveyBySlug = (trx: Trx, unitId: string, slug: string) =>
  trx.selectFrom('surveys').selectAll().where('unit_id', '=', unitId).where('slug', '=', slug).executeTakeFirst();

export const getVersion = (trx: Trx, surveyId: string, version: number) =>
  trx.selectFrom('survey_versions').selectAll().where('survey_id', '=', surveyId).where('version', '=', version).executeTakeFirst();

export const listVersions = (trx: Trx, surveyId: string) =>
  trx.selectFrom('survey_versions').selectAll().where('survey_id', '=', surveyId).orderBy('version').execute();

export type NewSurvey = Pick<SurveyRow, 'slug' | 'kind' | 'title_vi' | 'title_en' | 'description_vi' | 'description_en' | 'rule' | 'draft'>;

export const insertSurvey = (trx: Trx, unitId: string, s: NewSurvey) =>
  trx.insertInto('surveys').values({ ...s, unit_id: unitId, draft: JSON.stringify(s.draft) as never, published_at: null, closed_at: null })
    .returningAll().executeTakeFirstOrThrow();

export const updateSurvey = (trx: Trx, id: string, patch: Partial<Omit<SurveyRow, 'id' | 'unit_id'>>) => {
  const values = { ...patch, updated_at: new Date() } as Record<string, unknown>;
  if (patch.draft) values.draft = JSON.stringify(patch.draft);
  return trx.updateTable('surveys').set(values as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
};

export const insertVersion = (trx: Trx, unitId: string, surveyId: string, version: number, def: SurveyDefinition) =>
  trx.insertInto('survey_versions')
    .values({ unit_id: unitId, survey_id: surveyId, version, definition: JSON.stringify(def) as never })
    .execute();

export const insertResponse = (trx: Trx, r: { unit_id: string; survey_id: string; version: number; channel: Channel; answers: unknown; entered_by: string | null; submitted_at?: Date }) =>
  trx.insertInto('survey_responses').values({ ...r, answers: JSON.stringify(r.answers) as never })
    .returning('id').executeTakeFirstOrThrow();

/** Inserts the rule's key; false when this person already answered. */
export async function claimRespondentKey(trx: Trx, unitId: string, surveyId: string, key: string): Promise<boolean> {
  const r = await trx.insertInto('survey_respondent_keys').values({ unit_id: unitId, survey_id: surveyId, key })
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const hasRespondentKey = async (trx: Trx, surveyId: string, key: string) =>
  !!(await trx.selectFrom('survey_respondent_keys').select('key').where('survey_id', '=', surveyId).where('key', '=', key).executeTakeFirst());

export async function loadResponses(trx: Trx, surveyId: string, from?: Date, to?: Date): Promise<StoredResponse[]> {
  let q = trx.selectFrom('survey_responses').select(['id', 'version', 'channel', 'submitted_at', 'answers'])
    .where('survey_id', '=', surveyId);
  if (from) q = q.where('submitted_at', '>=', from);
  if (to) q = q.where('submitted_at', '<', to);
  const rows = await q.orderBy('submitted_at').execute();
  return rows.map((r) => ({ id: r.id, version: r.version, channel: r.channel, submittedAt: r.submitted_at, answers: r.answers as StoredResponse['answers'] }));
}

export const insertOtp = (trx: Trx, o: Pick<OtpRow, 'id' | 'unit_id' | 'survey_id' | 'phone_key' | 'code_hash' | 'expires_at'>) =>
  trx.insertInto('survey_otps').values({ ...o, verified_at: null, used_at: null }).execute();

export const getOtp = (trx: Trx, surveyId: string, id: string) =>
  /^[0-9a-f-]{36}$/i.test(id)
    ? trx.selectFrom('survey_otps').selectAll().where('survey_id', '=', surveyId).where('id', '=', id).executeTakeFirst()
    : Promise.resolve(undefined);

export const updateOtp = (trx: Trx, id: string, patch: Partial<Pick<OtpRow, 'attempts' | 'verified_at' | 'used_at'>>) =>
  trx.updateTable('survey_otps').set(patch).where('id', '=', id).execute();

export const recentOtpCount = async (trx: Trx, surveyId: string, phoneKey: string, since: Date) =>
  (await trx.selectFrom('survey_otps').select(sql<number>`count(*)::int`.as('n'))
    .where('survey_id', '=', surveyId).where('phone_key', '=', phoneKey).where('created_at', '>=', since)
    .executeTakeFirstOrThrow()).n;

/** Years (Vietnam time) that have responses, newest first. */
export const responseYears = async (trx: Trx, surveyId: string): Promise<number[]> =>
  (await sql<{ y: number }>`select distinct ${vnYearSql('submitted_at')} as y
    from survey_responses where survey_id = ${surveyId} order by y desc`.execute(trx)).rows.map((r) => r.y);
