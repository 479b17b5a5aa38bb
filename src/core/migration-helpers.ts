import { sql, type Kysely } from 'kysely';

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
