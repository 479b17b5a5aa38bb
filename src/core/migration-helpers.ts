import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Turns on row-level security for a tenant table: rows are visible and writable only when their
 * `unit_id` is among the units of the current transaction (`withUnit`).
 * FORCE makes the policy apply to the table owner as well.
 */
export async function enableTenantRls(db: Kysely<any>, table: string, column = 'unit_id'): Promise<void> {
  const t = sql.id(table);
  const c = sql.id(column);
  await sql`alter table ${t} enable row level security`.execute(db);
  await sql`alter table ${t} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${t} using (${c} = any (app_unit_ids())) with check (${c} = any (app_unit_ids()))`.execute(db);
}

/**
 * How a tenant table is keyed: `id` alone (`id uuid primary key`), or `unit_id` with `id`
 * (`primary key (unit_id, id)`, so a distributed database can shard on the unit).
 */
export type TenantTableKey = 'id' | 'unit-and-id';

/**
 * Creates a tenant table with the columns every tenant table starts with — `id uuid` (uuidv7) and
 * `unit_id uuid not null references units(id)` — then `columns` (SQL column and constraint lines, a
 * string or an `sql` fragment when it interpolates values),
 * the primary key, and row-level security (`enableTenantRls`).
 */
export async function createTenantTable(db: Kysely<any>, table: string, columns: string | RawBuilder<unknown>, key: TenantTableKey = 'id'): Promise<void> {
  const id = key === 'id' ? 'id uuid primary key default uuidv7()' : 'id uuid not null default uuidv7()';
  const primaryKey = key === 'id' ? '' : ',\n  primary key (unit_id, id)';
  const head = `${id},\n  unit_id uuid not null references units(id),`;
  await sql`create table ${sql.id(table)} (\n  ${sql.raw(head)}\n${typeof columns === 'string' ? sql.raw(columns.trim()) : columns}${sql.raw(primaryKey)}\n)`.execute(db);
  await enableTenantRls(db, table);
}

/**
 * Creates a tenant table keyed by the unit and `keyColumns` (`primary key (unit_id, ...keyColumns)`;
 * with no key columns, one row per unit: `unit_id uuid primary key`), then turns on row-level security.
 */
export async function createUnitTable(db: Kysely<any>, table: string, columns: string | RawBuilder<unknown>, keyColumns: string[] = []): Promise<void> {
  const head = keyColumns.length ? 'unit_id uuid not null references units(id),' : 'unit_id uuid primary key references units(id),';
  const primaryKey = keyColumns.length ? `,\n  primary key (${['unit_id', ...keyColumns].join(', ')})` : '';
  const body = typeof columns === 'string' ? sql.raw(columns.trim()) : columns;
  await sql`create table ${sql.id(table)} (\n  ${sql.raw(head)}\n${body}${sql.raw(primaryKey)}\n)`.execute(db);
  await enableTenantRls(db, table);
}
