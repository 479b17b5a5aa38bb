import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Directory of officials and the weekly work calendars (committee and chairman). */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'directory_entries', `
      grouping text not null check (grouping in ('party', 'council', 'committee', 'department')),
      department text,
      full_name text not null,
      title text not null,
      duties text not null default '',
      phone text,
      email text,
      sort_order int not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
  `);
  await sql`create index directory_entries_unit on directory_entries (unit_id, grouping, sort_order)`.execute(db);

  await createTenantTable(db, 'calendar_events', `
      owner text not null check (owner in ('committee', 'chairman')),
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place text not null default '',
      chair text not null default '',
      participants text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at >= starts_at)
  `);
  await sql`create index calendar_events_unit_start on calendar_events (unit_id, starts_at)`.execute(db);
}
