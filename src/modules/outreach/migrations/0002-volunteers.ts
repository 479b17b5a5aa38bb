import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Volunteers of mass organisations at the service centre: shifts on working days, sign-ups, check-in/out. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'volunteer_signups', `
      day date not null,
      shift text not null check (shift in ('morning', 'afternoon')),
      name text not null,
      organisation text not null,
      phone text not null,
      status text not null default 'booked' check (status in ('booked', 'cancelled')),
      checked_in_at timestamptz,
      checked_out_at timestamptz,
      created_at timestamptz not null default now()
  `, 'unit-and-id');
  await sql`create index volunteer_signups_day_idx on volunteer_signups (unit_id, day, shift)`.execute(db);
  // One person (by phone) once per shift.
  await sql`create unique index volunteer_signups_once on volunteer_signups (unit_id, day, shift, phone) where status = 'booked'`.execute(db);
}
