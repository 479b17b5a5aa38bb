import { sql, type Kysely, type Transaction } from 'kysely';
import type { Rubric } from './rubric/model.js';
import type { Scorecard } from './scorecard.js';

export type Trx = Transaction<any> | Kysely<any>;

export interface ManualEntry {
  id: string; unit_id: string; year: number; indicator_id: string; value: number; statement: string;
  evidence_name: string | null; evidence_type: string | null; submitted_by: string; submitted_at: Date;
  status: 'pending' | 'approved' | 'rejected'; reviewed_by: string | null; reviewed_at: Date | null; review_note: string | null;
}

export interface ReportedFigure { value: number | null; numerator?: number; denominator?: number; note?: string }
export interface ReportedValues { unit_id: string; year: number; figures: Record<string, ReportedFigure> }

/** The latest published rubric of a city, or null. */
export async function latestCityRubric(trx: Trx, cityId: string): Promise<{ version: number; body: Rubric; published_at: Date } | null> {
  const { rows } = await sql<{ version: number; body: Rubric; published_at: Date }>`
    select version, body, published_at from scoring_rubrics where unit_id = ${cityId} order by version desc limit 1`.execute(trx);
  return rows[0] ?? null;
}

export async function insertCityRubric(trx: Trx, cityId: string, body: Rubric, by: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    insert into scoring_rubrics (unit_id, version, body, published_by)
    select ${cityId}, coalesce(max(version), 0) + 1, ${JSON.stringify(body)}::jsonb, ${by} from scoring_rubrics where unit_id = ${cityId}
    returning version`.execute(trx);
  return rows[0].version;
}

const MANUAL_COLUMNS = sql`id, unit_id, year, indicator_id, value::float8 as value, statement, evidence_name, evidence_type,
  submitted_by, submitted_at, status, reviewed_by, reviewed_at, review_note`;

/** The latest submission of every manual indicator of the units for a year. */
export async function latestManualEntries(trx: Trx, unitIds: string[], year: number): Promise<ManualEntry[]> {
  if (!unitIds.length) return [];
  const { rows } = await sql<ManualEntry>`
    select distinct on (unit_id, indicator_id) ${MANUAL_COLUMNS} from scoring_manual_entries
    where unit_id = any(${unitIds}::uuid[]) and year = ${year}
    order by unit_id, indicator_id, submitted_at desc, id desc`.execute(trx);
  return rows;
}

export async function manualHistory(trx: Trx, unitId: string, year: number, indicatorId: string): Promise<ManualEntry[]> {
  const { rows } = await sql<ManualEntry>`select ${MANUAL_COLUMNS} from scoring_manual_entries
    where unit_id = ${unitId} and year = ${year} and indicator_id = ${indicatorId} order by submitted_at desc, id desc`.execute(trx);
  return rows;
}

export async function getManualEntry(trx: Trx, unitId: string, id: string): Promise<ManualEntry | null> {
  const { rows } = await sql<ManualEntry>`select ${MANUAL_COLUMNS} from scoring_manual_entries where unit_id = ${unitId} and id = ${id}`.execute(trx);
  return rows[0] ?? null;
}

export async function manualEvidence(trx: Trx, unitId: string, id: string): Promise<{ evidence: Buffer; evidence_name: string; evidence_type: string } | null> {
  const { rows } = await sql<{ evidence: Buffer; evidence_name: string; evidence_type: string }>`
    select evidence, evidence_name, evidence_type from scoring_manual_entries where unit_id = ${unitId} and id = ${id} and evidence is not null`.execute(trx);
  return rows[0] ?? null;
}

export interface NewManualEntry { year: number; indicatorId: string; value: number; statement: string; file?: { name: string; type: string; data: Buffer }; by: string }

export async function insertManualEntry(trx: Trx, unitId: string, e: NewManualEntry): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into scoring_manual_entries (unit_id, year, indicator_id, value, statement, evidence_name, evidence_type, evidence, submitted_by)
    values (${unitId}, ${e.year}, ${e.indicatorId}, ${e.value}, ${e.statement}, ${e.file?.name ?? null}, ${e.file?.type ?? null},
      ${e.file?.data ?? null}, ${e.by}) returning id`.execute(trx);
  return rows[0].id;
}

export async function reviewManualEntry(trx: Trx, unitId: string, id: string, status: 'approved' | 'rejected', by: string, note: string): Promise<boolean> {
  const r = await sql`update scoring_manual_entries set status = ${status}, reviewed_by = ${by}, reviewed_at = now(), review_note = ${note || null}
    where unit_id = ${unitId} and id = ${id} and status = 'pending'`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function reportedValues(trx: Trx, unitIds: string[], year: number): Promise<ReportedValues[]> {
  if (!unitIds.length) return [];
  const { rows } = await sql<ReportedValues>`select unit_id, year, figures from scoring_reported_values
    where unit_id = any(${unitIds}::uuid[]) and year = ${year}`.execute(trx);
  return rows;
}

export async function assessments(trx: Trx, unitIds: string[], year: number): Promise<{ unit_id: string; scorecard: Scorecard; finalised_at: Date; finalised_by: string }[]> {
  if (!unitIds.length) return [];
  const { rows } = await sql<{ unit_id: string; scorecard: Scorecard; finalised_at: Date; finalised_by: string }>`
    select unit_id, scorecard, finalised_at, finalised_by from scoring_assessments where unit_id = any(${unitIds}::uuid[]) and year = ${year}`.execute(trx);
  return rows;
}

export async function insertAssessment(trx: Trx, unitId: string, year: number, rubric: Rubric, card: Scorecard, by: string): Promise<boolean> {
  const r = await sql`insert into scoring_assessments (unit_id, year, rubric, scorecard, finalised_by)
    values (${unitId}, ${year}, ${JSON.stringify(rubric)}::jsonb, ${JSON.stringify(card)}::jsonb, ${by}) on conflict do nothing`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface UnitRow { id: string; slug: string; name: string; name_en: string | null; type: string; parent_id: string | null; is_demo: boolean; settings: Record<string, unknown> }

export async function unitsUnder(db: Trx, parentId: string): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow>`select id, slug, name, name_en, type, parent_id, is_demo, settings from units
    where parent_id = ${parentId} order by name`.execute(db);
  return rows;
}

export async function unitById(db: Trx, id: string): Promise<UnitRow | null> {
  const { rows } = await sql<UnitRow>`select id, slug, name, name_en, type, parent_id, is_demo, settings from units where id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function unitBySlug(db: Trx, slug: string): Promise<UnitRow | null> {
  const { rows } = await sql<UnitRow>`select id, slug, name, name_en, type, parent_id, is_demo, settings from units where slug = ${slug}`.execute(db);
  return rows[0] ?? null;
}

/** The slug of the installation's first city (by slug), when no city is named. */
export async function firstCitySlug(db: Trx): Promise<string | null> {
  const { rows } = await sql<{ slug: string }>`select slug from units where type = 'city' order by slug limit 1`.execute(db);
  return rows[0]?.slug ?? null;
}

export async function assessmentRubric(trx: Trx, unitId: string, year: number): Promise<Rubric | null> {
  const { rows } = await sql<{ rubric: Rubric }>`select rubric from scoring_assessments where unit_id = ${unitId} and year = ${year}`.execute(trx);
  return rows[0]?.rubric ?? null;
}

/** Whether a staff account already has this username (usernames are unique across units). */
export async function usernameTaken(db: Trx, username: string): Promise<boolean> {
  return (await sql`select 1 from users where username = ${username}`.execute(db)).rows.length > 0;
}

/** Marks a unit as using the app (`settings.enabled = true`). */
export async function enableUnit(db: Trx, unitId: string): Promise<void> {
  await sql`update units set settings = settings || '{"enabled": true}'::jsonb where id = ${unitId}`.execute(db);
}
