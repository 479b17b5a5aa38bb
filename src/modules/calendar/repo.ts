/**
 * SQL of the calendar module. Every function takes a transaction opened by withUnit/withUnits,
 * so row-level security limits it to the units of that transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';

export interface OverrideRow {
  id: string;
  unit_id: string;
  date: string;
  kind: 'off' | 'work';
  reason: string;
  created_by: string | null;
  created_at: Date;
}

type Trx = Kysely<any> | Transaction<any>;

/**
 * Overrides of the given units (a ward and its city), oldest first.
 * SQL: select id, unit_id, date::text as date, kind, reason, created_by, created_at
 *      from calendar_overrides where unit_id = any($1) order by date, created_at
 */
export async function listOverrides(trx: Trx, unitIds: string[], year?: number): Promise<OverrideRow[]> {
  const { rows } = await sql<OverrideRow>`
    select id, unit_id, date::text as date, kind, reason, created_by, created_at
    from calendar_overrides
    where unit_id = any(${unitIds}::uuid[])
      and (${year ?? null}::int is null or extract(year from date) = ${year ?? null}::int)
    order by date, created_at`.execute(trx);
  return rows;
}

export async function findOverride(trx: Trx, unitId: string, id: string): Promise<OverrideRow | null> {
  const { rows } = await sql<OverrideRow>`
    select id, unit_id, date::text as date, kind, reason, created_by, created_at
    from calendar_overrides where unit_id = ${unitId} and id = ${id}`.execute(trx);
  return rows[0] ?? null;
}

/** Inserts an override; null when the unit already has one for that date. */
export async function insertOverride(
  trx: Trx, row: { unitId: string; date: string; kind: 'off' | 'work'; reason: string; createdBy: string | null },
): Promise<OverrideRow | null> {
  const { rows } = await sql<OverrideRow>`
    insert into calendar_overrides (unit_id, date, kind, reason, created_by)
    values (${row.unitId}, ${row.date}::date, ${row.kind}, ${row.reason}, ${row.createdBy})
    on conflict (unit_id, date) do nothing
    returning id, unit_id, date::text as date, kind, reason, created_by, created_at`.execute(trx);
  return rows[0] ?? null;
}

export async function deleteOverride(trx: Trx, unitId: string, id: string): Promise<void> {
  await sql`delete from calendar_overrides where unit_id = ${unitId} and id = ${id}`.execute(trx);
}

export interface UnitSettingsRow { cutoff: string | null; working_hours: string | null }

/** The unit's cut-off ('HH:MM') and office hours ('07:30-11:30,13:30-17:00'); nulls = defaults. */
export async function readSettings(trx: Trx, unitId: string): Promise<UnitSettingsRow> {
  const { rows } = await sql<UnitSettingsRow>`
    select cutoff, working_hours from calendar_settings where unit_id = ${unitId}`.execute(trx);
  return rows[0] ?? { cutoff: null, working_hours: null };
}

/** The unit's after-hours cut-off ('HH:MM') or null. */
export async function readCutoff(trx: Trx, unitId: string): Promise<string | null> {
  return (await readSettings(trx, unitId)).cutoff;
}

export async function writeSettings(trx: Trx, unitId: string, s: UnitSettingsRow, by: string | null): Promise<void> {
  await sql`
    insert into calendar_settings (unit_id, cutoff, working_hours, updated_by)
    values (${unitId}, ${s.cutoff}, ${s.working_hours}, ${by})
    on conflict (unit_id) do update set cutoff = excluded.cutoff, working_hours = excluded.working_hours,
      updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
}

export interface ImportedTableRow { unit_id: string; year: number; body: unknown; confidence: string; imported_at: Date }

/** Holiday tables imported by the given units (a ward and its city). */
export async function listImportedTables(trx: Trx, unitIds: string[]): Promise<ImportedTableRow[]> {
  const { rows } = await sql<ImportedTableRow>`
    select unit_id, year, body, confidence, imported_at from calendar_holiday_tables
    where unit_id = any(${unitIds}::uuid[]) order by year`.execute(trx);
  return rows;
}

/** Stores (or replaces) the unit's table of a year. */
export async function upsertImportedTable(
  trx: Trx, row: { unitId: string; year: number; body: unknown; confidence: string; by: string | null },
): Promise<void> {
  await sql`
    insert into calendar_holiday_tables (unit_id, year, body, confidence, imported_by)
    values (${row.unitId}, ${row.year}, ${JSON.stringify(row.body)}::jsonb, ${row.confidence}, ${row.by})
    on conflict (unit_id, year) do update set body = excluded.body, confidence = excluded.confidence,
      imported_by = excluded.imported_by, imported_at = now()`.execute(trx);
}

/** The unit and its ancestors (a ward and its city), nearest first. Units are not a tenant table. */
export async function unitChain(db: Trx, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 5
    ) select id from chain order by depth`.execute(db);
  return rows.map((r) => r.id);
}

/** The unit and the units below it (a city and its wards), the unit first. Units are not a tenant table. */
export async function unitAndDescendants(db: Trx, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive tree(id, depth) as (
      select id, 0 from units where id = ${unitId}
      union all
      select u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id where t.depth < 5
    ) select id from tree order by depth, id`.execute(db);
  return rows.map((r) => r.id);
}
