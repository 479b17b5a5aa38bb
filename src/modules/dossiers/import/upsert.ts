import { sql, type Kysely } from 'kysely';
import type { ImportRow } from './validate.js';

/** Staging columns, in COPY order. */
export const STAGING_COLUMNS = [
  'line', 'code', 'procedure_name', 'procedure_code', 'field', 'applicant_name', 'applicant_phone', 'applicant_email',
  'applicant_address', 'channel', 'received_at', 'due_date', 'working_days', 'result_at', 'returned_at', 'status',
  'officer_name', 'home_service',
] as const;

/** A per-transaction staging table (dropped at commit). */
export const STAGING_DDL = `create temp table dossier_import_staging (
    line int, code text, procedure_name text, procedure_code text, field text, applicant_name text, applicant_phone text,
    applicant_email text, applicant_address text, channel text, received_at timestamptz, due_date date, working_days int,
    result_at timestamptz, returned_at timestamptz, status text, officer_name text, home_service boolean
  ) on commit drop`;

export async function createStaging(trx: Kysely<any>): Promise<void> {
  await sql.raw(STAGING_DDL).execute(trx);
}

export const stagingValues = (line: number, r: ImportRow) => [
  line, r.code, r.procedure_name, r.procedure_code, r.field, r.applicant_name, r.applicant_phone, r.applicant_email,
  r.applicant_address, r.channel, r.received_at.toISOString(), r.due_date, r.working_days, r.result_at?.toISOString() ?? null,
  r.returned_at?.toISOString() ?? null, r.status, r.officer_name, r.home_service,
];

/**
 * One statement moves the staging rows into `dossiers`: new codes are inserted, known codes of the
 * same unit updated (re-import is idempotent), the last line wins for a code repeated in the file.
 * A code is first claimed in `dossier_codes` (unique across units): a code of another unit is skipped.
 * The monthly statistics follow through the statement-level triggers.
 */
export async function upsertFromStaging(trx: Kysely<any>, unitId: string): Promise<{ inserted: number; updated: number }> {
  return (await upsertQuery(unitId).execute(trx)).rows[0];
}

export function upsertQuery(unitId: string) {
  return sql<{ inserted: number; updated: number }>`
    with s as (
      select distinct on (code) * from dossier_import_staging order by code, line desc
    ), claimed as (
      insert into dossier_codes (code, unit_id, receiving_unit_id)
      select code, ${unitId}::uuid, ${unitId}::uuid from s on conflict (code) do nothing
      returning code
    ), mine as (
      select * from s where code in (select code from claimed)
        or exists (select 1 from dossier_codes c where c.code = s.code and c.unit_id = ${unitId}::uuid)
    ), up as (
      insert into dossiers as d (unit_id, receiving_unit_id, code, procedure_name, procedure_code, field, working_days,
        applicant_name, applicant_phone, applicant_email, applicant_address, channel, status, received_at, accepted_at,
        due_date, result_at, returned_at, officer_name, home_service, source)
      select ${unitId}::uuid, ${unitId}::uuid, code, procedure_name, procedure_code, coalesce(field, ''), coalesce(working_days, 0),
        applicant_name, applicant_phone, applicant_email, applicant_address, channel, status, received_at, received_at,
        due_date, result_at, returned_at, officer_name, coalesce(home_service, false), 'import'
      from mine
      on conflict (unit_id, code) do update set
        procedure_name = excluded.procedure_name, procedure_code = excluded.procedure_code, field = excluded.field,
        working_days = excluded.working_days, applicant_name = excluded.applicant_name, applicant_phone = excluded.applicant_phone,
        applicant_email = excluded.applicant_email, applicant_address = excluded.applicant_address, channel = excluded.channel,
        status = excluded.status, received_at = excluded.received_at, due_date = excluded.due_date, result_at = excluded.result_at,
        returned_at = excluded.returned_at, officer_name = excluded.officer_name, home_service = excluded.home_service, updated_at = now()
      returning (xmax = 0) as inserted, code
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`;
}

/** Loads validated rows into staging in chunks of JSON (the web path; the CLI uses COPY). */
export async function stageRows(trx: Kysely<any>, rows: Array<{ line: number; row: ImportRow }>, chunk = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk).map(({ line, row }) => Object.fromEntries(STAGING_COLUMNS.map((c, k) => [c, stagingValues(line, row)[k]])));
    await sql`insert into dossier_import_staging select * from json_populate_recordset(null::dossier_import_staging, ${JSON.stringify(part)}::json)`.execute(trx);
  }
}
