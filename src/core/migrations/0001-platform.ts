import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  // UUIDv7 (time-ordered) so that keys sort by creation and distribute well on Citus later.
  await sql`
    create or replace function uuidv7() returns uuid language plpgsql volatile as $$
    declare
      ts bigint := floor(extract(epoch from clock_timestamp()) * 1000);
      b bytea := uuid_send(gen_random_uuid());
    begin
      b := set_byte(b, 0, ((ts >> 40) & 255)::int);
      b := set_byte(b, 1, ((ts >> 32) & 255)::int);
      b := set_byte(b, 2, ((ts >> 24) & 255)::int);
      b := set_byte(b, 3, ((ts >> 16) & 255)::int);
      b := set_byte(b, 4, ((ts >> 8) & 255)::int);
      b := set_byte(b, 5, (ts & 255)::int);
      b := set_byte(b, 6, (get_byte(b, 6) & 15) | 112);
      b := set_byte(b, 8, (get_byte(b, 8) & 63) | 128);
      return encode(b, 'hex')::uuid;
    end $$`.execute(db);
  // The units of the current transaction, set by withUnit(); empty (no rows visible) otherwise.
  await sql`
    create or replace function app_unit_ids() returns uuid[] language sql stable as $$
      select coalesce(string_to_array(nullif(current_setting('app.unit_ids', true), ''), ',')::uuid[], '{}'::uuid[])
    $$`.execute(db);

  await sql`
    create table units (
      id uuid primary key default uuidv7(),
      code text not null unique,
      slug text not null unique,
      name text not null,
      name_en text,
      type text not null check (type in ('ward', 'commune', 'special_zone', 'city')),
      parent_id uuid references units(id),
      address text,
      phone text,
      hotline text,
      email text,
      website text,
      settings jsonb not null default '{}',
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table departments (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      code text not null,
      name text not null,
      name_en text,
      sort_order int not null default 0,
      unique (unit_id, code)
    )`.execute(db);
  await enableTenantRls(db, 'departments');

  await sql`
    create table residential_groups (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      code text not null,
      name text not null,
      head_name text,
      head_phone text,
      households int,
      unique (unit_id, code)
    )`.execute(db);
  await enableTenantRls(db, 'residential_groups');
}
