import { sql, type Kysely } from 'kysely';

/** Which demo seeds ran for which unit, so that a module added later seeds its demo data once. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table seed_runs (
    module text not null,
    unit_id uuid not null references units(id),
    at timestamptz not null default now(),
    primary key (module, unit_id)
  )`.execute(db);
}
