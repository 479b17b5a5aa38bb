import type { Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

/** Citizen reception schedule (recurring) and the unit's published texts (rules, commitment). */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'reception_schedules', `
      leader_name text not null,
      leader_title text not null,
      recurrence text not null check (recurrence in ('weekly', 'monthly')),
      weekday int not null check (weekday between 1 and 7),
      week_of_month int check (week_of_month between 1 and 5),
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      place text not null,
      note text not null default '',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (recurrence = 'weekly' or week_of_month is not null),
      check (end_time > start_time)
  `);

  await createUnitTable(db, 'transparency_texts', `
      kind text not null check (kind in ('reception_rules', 'commitment')),
      title text not null,
      body text not null,
      updated_at timestamptz not null default now()
  `, ['kind']);
}
