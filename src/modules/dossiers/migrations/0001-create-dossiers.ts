import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/**
 * Dossiers and their timeline. A dossier is decided by `unit_id` and may have been received by
 * another unit of the province (Decree 118/2025, `receiving_unit_id`): both see it, so these
 * tables carry their own policy instead of the default tenant policy.
 */
const SHARED_POLICY = sql`unit_id = any (app_unit_ids()) or receiving_unit_id = any (app_unit_ids())`;

async function enableSharedRls(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy ${sql.id(`${table}_units`)} on ${sql.table(table)}
    using (${SHARED_POLICY}) with check (${SHARED_POLICY})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table dossiers (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      receiving_unit_id uuid not null references units(id),
      code text not null,
      procedure_code text,
      procedure_name text not null,
      field text not null default '',
      working_days int not null check (working_days >= 0),
      applicant_name text not null,
      applicant_phone text,
      applicant_email text,
      applicant_address text,
      channel text not null check (channel in ('online', 'in_person', 'postal')),
      status text not null default 'received',
      received_at timestamptz not null,
      accepted_at timestamptz,
      due_date date,
      result_at timestamptz,
      returned_at timestamptz,
      officer_id uuid,
      officer_name text,
      missing_papers text,
      refusal_reason text,
      home_service boolean not null default false,
      fast_track boolean not null default false,
      apologies int not null default 0,
      late_apologies int not null default 0,
      apology_due_date date,
      source text not null default 'counter',
      warned_on date,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index dossiers_code_key on dossiers (code)`.execute(db);
  await sql`create index dossiers_unit_status_idx on dossiers (unit_id, status, due_date)`.execute(db);
  await sql`create index dossiers_receiving_idx on dossiers (receiving_unit_id) where receiving_unit_id <> unit_id`.execute(db);
  await sql`create index dossiers_unit_received_idx on dossiers (unit_id, received_at desc)`.execute(db);
  await enableSharedRls(db, 'dossiers');

  await sql`
    create table dossier_events (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      receiving_unit_id uuid not null references units(id),
      dossier_id uuid not null references dossiers(id),
      at timestamptz not null default now(),
      action text not null,
      from_status text,
      to_status text not null,
      officer_id uuid,
      officer_name text,
      note text
    )`.execute(db);
  await sql`create index dossier_events_dossier_idx on dossier_events (dossier_id, at)`.execute(db);
  await enableSharedRls(db, 'dossier_events');

  // Each stop of the clock: a supplement request until the supplement arrives.
  await sql`
    create table dossier_pauses (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      receiving_unit_id uuid not null references units(id),
      dossier_id uuid not null references dossiers(id),
      started_at timestamptz not null,
      ended_at timestamptz
    )`.execute(db);
  await sql`create index dossier_pauses_dossier_idx on dossier_pauses (dossier_id)`.execute(db);
  await enableSharedRls(db, 'dossier_pauses');

  await sql`
    create table dossier_apologies (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      receiving_unit_id uuid not null references units(id),
      dossier_id uuid not null references dossiers(id),
      number int not null,
      reason text not null,
      new_due_date date not null,
      leader_name text not null,
      leader_title text not null,
      issued_at timestamptz not null,
      issued_by uuid,
      late boolean not null,
      sent_channel text not null,
      sent_to text
    )`.execute(db);
  await sql`create index dossier_apologies_dossier_idx on dossier_apologies (dossier_id)`.execute(db);
  await enableSharedRls(db, 'dossier_apologies');

  // Public look-up by code: code → units, nothing personal, no RLS.
  await sql`create table dossier_codes (
      code text primary key,
      unit_id uuid not null references units(id),
      receiving_unit_id uuid not null references units(id))`.execute(db);

  await sql`create table dossier_code_sequences (
      unit_id uuid not null references units(id),
      day date not null,
      last int not null,
      primary key (unit_id, day))`.execute(db);
  await enableTenantRls(db, 'dossier_code_sequences');

  await sql`create table dossier_settings (
      unit_id uuid primary key references units(id),
      agency_code text not null,
      collect_place text not null default '',
      fast_track_weekday smallint check (fast_track_weekday between 1 and 7),
      fast_track_procedures text[] not null default '{}',
      leader_name text not null default '',
      leader_title text not null default 'CHỦ TỊCH',
      updated_at timestamptz not null default now())`.execute(db);
  await enableTenantRls(db, 'dossier_settings');
}
