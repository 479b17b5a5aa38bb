import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/** Queue services, counters, tickets, bookings, call events and ratings of the service centre. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table centre_settings (
      unit_id uuid primary key references units(id),
      token_secret bytea not null,
      priority_head_start_s int not null default 900 check (priority_head_start_s between 0 and 7200),
      speech_enabled boolean not null default true,
      chime_enabled boolean not null default true,
      updated_at timestamptz not null default now()
    );
    create table centre_services (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      code text not null,
      prefix text not null check (prefix ~ '^[A-Z]{1,3}$'),
      name_vi text not null,
      name_en text not null,
      sort_order int not null default 0,
      default_service_s int not null default 600 check (default_service_s > 0),
      booking_capacity int not null default 2 check (booking_capacity >= 0),
      active boolean not null default true,
      unique (unit_id, code),
      unique (unit_id, prefix)
    );
    create table centre_counters (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      number int not null check (number between 1 and 99),
      name text not null,
      active boolean not null default true,
      unique (unit_id, number)
    );
    create table centre_counter_services (
      unit_id uuid not null references units(id),
      counter_id uuid not null references centre_counters(id) on delete cascade,
      service_id uuid not null references centre_services(id) on delete cascade,
      primary key (counter_id, service_id)
    );
    create table centre_daily_sequences (
      unit_id uuid not null references units(id),
      service_id uuid not null references centre_services(id),
      day date not null,
      last_seq int not null,
      primary key (unit_id, service_id, day)
    );
    create table centre_bookings (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      service_id uuid not null references centre_services(id),
      day date not null,
      slot text not null,
      code text not null,
      full_name text not null,
      phone text,
      status text not null default 'booked' check (status in ('booked', 'checked_in', 'cancelled')),
      created_at timestamptz not null default now(),
      unique (unit_id, code)
    );
    create index centre_bookings_slot on centre_bookings (unit_id, service_id, day, slot);
    create table centre_tickets (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      service_id uuid not null references centre_services(id),
      day date not null,
      seq int not null,
      number text not null,
      priority_group text check (priority_group in ('elderly', 'disability', 'pregnant', 'young_children', 'war_invalid')),
      source text not null default 'kiosk' check (source in ('kiosk', 'api', 'booking', 'staff')),
      booking_id uuid references centre_bookings(id),
      appointment_at timestamptz,
      status text not null default 'waiting' check (status in ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
      counter_id uuid references centre_counters(id),
      transfer_to_counter_id uuid references centre_counters(id),
      officer_user_id uuid,
      dossier_code text,
      recalls int not null default 0,
      created_at timestamptz not null default now(),
      called_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      unique (unit_id, service_id, day, seq)
    );
    create index centre_tickets_waiting on centre_tickets (unit_id, day, status);
    create index centre_tickets_created on centre_tickets (unit_id, created_at);
    create table centre_events (
      id bigserial primary key,
      unit_id uuid not null references units(id),
      type text not null,
      payload jsonb not null,
      created_at timestamptz not null default now()
    );
    create index centre_events_unit on centre_events (unit_id, id);
    create table centre_ratings (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('counter', 'reception')),
      channel text not null check (channel in ('device', 'qr', 'api')),
      ticket_id uuid unique references centre_tickets(id),
      reception_nonce uuid unique,
      reception_ref text,
      counter_id uuid references centre_counters(id),
      service_id uuid references centre_services(id),
      officer_user_id uuid,
      dossier_code text,
      score text not null check (score in ('satisfied', 'normal', 'unsatisfied')),
      reasons text[] not null default '{}',
      comment text,
      created_at timestamptz not null default now(),
      check ((kind = 'counter') = (reception_nonce is null))
    );
    create index centre_ratings_unit on centre_ratings (unit_id, created_at);
    create table centre_reception_tokens (
      nonce uuid primary key,
      unit_id uuid not null references units(id),
      reference text not null,
      created_by uuid,
      created_at timestamptz not null default now()
    );
  `.execute(db);
  for (const t of [
    'centre_settings', 'centre_services', 'centre_counters', 'centre_counter_services', 'centre_daily_sequences',
    'centre_bookings', 'centre_tickets', 'centre_events', 'centre_ratings', 'centre_reception_tokens',
  ]) await enableTenantRls(db, t);
}
