import { sql, type Kysely } from 'kysely';
import { createUnitTable } from '../../../core/migration-helpers.js';

/**
 * The unit's office hours (receipts outside them count from the next opening; null = the
 * default 07:30–11:30, 13:30–17:00) and yearly holiday tables imported by staff (the official
 * notice replacing a computed or expected year). An import by the city unit applies to its
 * wards; a ward's own import wins, like the overrides.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table calendar_settings add column working_hours text
      check (working_hours ~ '^([0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])(,[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]){0,3}$')`
    .execute(db);
  await createUnitTable(db, 'calendar_holiday_tables', `
      year int not null check (year between 1901 and 2100),
      body jsonb not null,
      confidence text not null check (confidence in ('official', 'expected', 'computed')),
      imported_by uuid references users(id),
      imported_at timestamptz not null default now()
  `, ['year']);
}
