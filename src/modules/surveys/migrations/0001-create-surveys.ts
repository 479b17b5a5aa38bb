import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table surveys (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      slug text not null,
      kind text not null default 'custom' check (kind in ('centre', 'government', 'custom')),
      title_vi text not null,
      title_en text not null default '',
      description_vi text not null default '',
      description_en text not null default '',
      status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
      rule text not null default 'none' check (rule in ('none', 'device', 'phone')),
      public_results boolean not null default false,
      draft jsonb not null default '{"sections": []}',
      current_version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      closed_at timestamptz,
      unique (unit_id, slug)
    )`.execute(db);
  await sql`
    create table survey_versions (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      survey_id uuid not null references surveys(id) on delete cascade,
      version integer not null,
      definition jsonb not null,
      published_at timestamptz not null default now(),
      unique (survey_id, version)
    )`.execute(db);
  // Anonymous by default: no IP, no cookie, no phone here. entered_by is the staff member
  // who keyed in a paper form, never the respondent.
  await sql`
    create table survey_responses (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      survey_id uuid not null references surveys(id) on delete cascade,
      version integer not null,
      channel text not null check (channel in ('online', 'qr', 'paper', 'kiosk', 'app')),
      answers jsonb not null,
      submitted_at timestamptz not null default now(),
      entered_by uuid
    )`.execute(db);
  await sql`create index survey_responses_by_survey on survey_responses (survey_id, submitted_at)`.execute(db);
  await sql`create index survey_responses_by_unit on survey_responses (unit_id, submitted_at)`.execute(db);
  // One-response rule: only an HMAC of (survey, device id | phone); no time, no link to the answers.
  await sql`
    create table survey_respondent_keys (
      unit_id uuid not null references units(id),
      survey_id uuid not null references surveys(id) on delete cascade,
      key text not null,
      primary key (survey_id, key)
    )`.execute(db);
  await sql`
    create table survey_otps (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      survey_id uuid not null references surveys(id) on delete cascade,
      phone_key text not null,
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      verified_at timestamptz,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index survey_otps_by_phone on survey_otps (survey_id, phone_key, created_at)`.execute(db);
  for (const t of ['surveys', 'survey_versions', 'survey_responses', 'survey_respondent_keys', 'survey_otps']) {
    await enableTenantRls(db, t);
  }
}
