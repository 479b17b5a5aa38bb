import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/** Group heads and branches, households and members, polls and votes, broadcasts. */
export async function up(db: Kysely<any>): Promise<void> {
  // Staff accounts that head a residential group: they edit that group's households only.
  await sql`create table community_group_heads (
    unit_id uuid not null references units(id),
    group_id uuid not null references residential_groups(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    primary key (unit_id, group_id, user_id))`.execute(db);
  // Mass-organisation branches (chi hội) of a group and who leads them.
  await sql`create table community_branches (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    group_id uuid not null references residential_groups(id) on delete cascade,
    organisation text not null check (organisation in ('front', 'women', 'veterans', 'youth', 'elderly', 'farmers')),
    leader_name text not null, leader_phone text,
    unique (unit_id, group_id, organisation))`.execute(db);
  await sql`create table community_households (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    group_id uuid not null references residential_groups(id),
    head_name text not null,
    address text not null,
    phone text,
    dedupe_key text not null,
    app_status text not null default 'none' check (app_status in ('none', 'declared', 'confirmed')),
    app_since date,
    app_confirmed_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (unit_id, dedupe_key))`.execute(db);
  await sql`create index community_households_group on community_households (unit_id, group_id)`.execute(db);
  await sql`create index community_households_phone on community_households (unit_id, phone)`.execute(db);
  // cccd_enc: AES-GCM text (households/cccd-crypto.ts); cccd_hmac finds duplicates without it.
  await sql`create table community_members (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    household_id uuid not null references community_households(id) on delete cascade,
    position int not null default 0,
    full_name text not null,
    is_head boolean not null default false,
    birth_date date, sex text check (sex in ('Nam', 'Nữ')),
    cccd_enc text, cccd_hmac text,
    unique (unit_id, cccd_hmac))`.execute(db);
  await sql`create index community_members_household on community_members (household_id, position)`.execute(db);
  await sql`create table community_import_batches (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    filename text not null, rows jsonb not null,
    created_by uuid, created_at timestamptz not null default now(), applied_at timestamptz)`.execute(db);
  await createPollTables(db);
  await createBroadcastTables(db);
  // poll id → unit, nothing else: `POST /api/v1/polls/{id}/votes` names no unit (no RLS, like feedback_codes).
  await sql`create table community_poll_units (
    poll_id uuid primary key references community_polls(id) on delete cascade,
    unit_id uuid not null references units(id))`.execute(db);
  for (const t of ['community_group_heads', 'community_branches', 'community_households', 'community_members', 'community_import_batches',
    'community_polls', 'community_poll_options', 'community_poll_documents', 'community_poll_participation', 'community_poll_ballots',
    'community_poll_otps', 'community_broadcasts', 'community_broadcast_publications']) {
    await enableTenantRls(db, t);
  }
}

async function createPollTables(db: Kysely<any>) {
  await sql`create table community_polls (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    code text not null,
    title text not null, description text not null default '',
    matter text not null check (matter in ('contribution', 'convention', 'head_election', 'board_election', 'fund_use',
      'self_managed', 'consultation')),
    group_id uuid references residential_groups(id),
    basis text not null check (basis in ('household', 'resident')),
    secret boolean not null default false,
    opens_at timestamptz not null, closes_at timestamptz not null check (closes_at > opens_at),
    quorum_percent numeric(5,2) not null check (quorum_percent between 0 and 100),
    threshold_percent numeric(5,2) not null check (threshold_percent between 0 and 100),
    threshold_base text not null check (threshold_base in ('eligible', 'cast')),
    web_enabled boolean not null default true,
    status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
    eligible_at_close int,
    results_published_at timestamptz,
    created_by uuid, created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
    unique (unit_id, code))`.execute(db);
  await sql`create table community_poll_options (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    poll_id uuid not null references community_polls(id) on delete cascade,
    position int not null, label text not null,
    unique (poll_id, position))`.execute(db);
  await sql`create table community_poll_documents (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    poll_id uuid not null references community_polls(id) on delete cascade,
    filename text not null, mimetype text not null, data bytea not null,
    created_at timestamptz not null default now())`.execute(db);
  // Who voted: one row per voter (household or resident) and poll, whatever the channel. The
  // primary key is the reconciliation rule: a household that voted on the web cannot be keyed
  // in again from paper, nor the other way round.
  await sql`create table community_poll_participation (
    unit_id uuid not null references units(id),
    poll_id uuid not null references community_polls(id) on delete cascade,
    voter_id uuid not null,
    household_id uuid not null references community_households(id),
    group_id uuid not null references residential_groups(id),
    channel text not null check (channel in ('web', 'paper', 'api')),
    entered_by uuid,
    voted_at timestamptz not null default now(),
    primary key (unit_id, poll_id, voter_id))`.execute(db);
  // What they chose. Random ids and no time, so that ballots cannot be ordered against the
  // participation list; voter_id only for open (not secret) votes.
  await sql`create table community_poll_ballots (
    id uuid primary key default gen_random_uuid(),
    unit_id uuid not null references units(id),
    poll_id uuid not null references community_polls(id) on delete cascade,
    option_id uuid not null references community_poll_options(id),
    group_id uuid not null references residential_groups(id),
    channel text not null check (channel in ('web', 'paper', 'api')),
    voter_id uuid)`.execute(db);
  await sql`create index community_poll_ballots_poll on community_poll_ballots (poll_id, option_id)`.execute(db);
  await sql`create table community_poll_otps (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    poll_id uuid not null references community_polls(id) on delete cascade,
    household_id uuid not null references community_households(id),
    channel text not null check (channel in ('sms', 'zalo')),
    code_hash text not null, expires_at timestamptz not null,
    attempts int not null default 0, used_at timestamptz,
    created_at timestamptz not null default now())`.execute(db);
  await sql`create index community_poll_otps_household on community_poll_otps (poll_id, household_id, created_at)`.execute(db);
}

async function createBroadcastTables(db: Kysely<any>) {
  await sql`create table community_broadcasts (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    title text not null, body text not null, radio_script text not null, social_text text not null,
    group_ids uuid[] not null default '{}',
    audio bytea, audio_mime text, audio_source text check (audio_source in ('tts', 'upload')),
    created_by uuid, created_at timestamptz not null default now(), updated_at timestamptz not null default now())`.execute(db);
  await sql`create table community_broadcast_publications (
    id uuid primary key default uuidv7(),
    unit_id uuid not null references units(id),
    broadcast_id uuid not null references community_broadcasts(id) on delete cascade,
    channel text not null check (channel in ('website', 'radio', 'fanpage', 'zalo')),
    group_id uuid references residential_groups(id),
    published_at timestamptz not null default now(),
    published_by uuid, note text not null default '')`.execute(db);
  await sql`create index community_broadcast_pubs on community_broadcast_publications (unit_id, published_at)`.execute(db);
}
