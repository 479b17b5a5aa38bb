import { sql, type Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

/** Per-unit configuration: deadlines, departments, escalation contacts, secrets, intake register. */
export async function up(db: Kysely<any>): Promise<void> {
  await createUnitTable(db, 'feedback_deadlines', `
      category text not null,
      working_days int not null check (working_days between 1 and 90),
      remind_days_before int not null default 2 check (remind_days_before >= 0)
  `, ['category']);

  await createUnitTable(db, 'feedback_departments', `
      code text not null,
      name text not null,
      -- escalation contact of the core department with this code
      head_name text,
      head_email text
  `, ['code']);

  await createUnitTable(db, 'feedback_settings', `
      chairman_name text,
      chairman_email text,
      chairman_after_days int not null default 3
  `);

  // Secrets of inbound channels (SMS gateway, Zalo OA, Facebook page, mail relay) and Open311 keys.
  await createTenantTable(db, 'feedback_secrets', `
      purpose text not null,
      secret_hash text not null,
      label text,
      created_at timestamptz not null default now()
  `);
  await sql`create unique index feedback_secrets_hash_key on feedback_secrets (unit_id, secret_hash)`.execute(db);

  // Replies to be delivered through a messaging adapter (SMS, Zalo, Facebook).
  await createTenantTable(db, 'feedback_outbound', `
      feedback_id uuid not null references feedback(id),
      channel text not null,
      recipient text not null,
      body text not null,
      status text not null default 'pending',
      attempts int not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
  `);

  await createTenantTable(db, 'feedback_intakes', `
      iso_year int not null,
      iso_week int not null check (iso_week between 1 and 53),
      group_kind text not null check (group_kind in ('residential_group', 'organisation')),
      group_code text not null,
      group_name text not null,
      met_on date,
      no_new_items boolean not null default false,
      items_count int not null default 0,
      notes text,
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      unique (unit_id, iso_year, iso_week, group_kind, group_code)
  `);
}
