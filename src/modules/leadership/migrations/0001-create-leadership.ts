import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/**
 * Leadership (criterion 3): field visits, citizen reception, complaint and denunciation cases,
 * conduct reports, officials' profiles, training and discipline.
 *
 * Identities of complainants, denouncers and conduct reporters live only in
 * `leadership_identities`, read through `confidentiality.ts` (handler and head, audited).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const tables: string[] = [];
  const create = async (name: string, body: string) => {
    await sql.raw(`create table ${name} (${body})`).execute(db);
    tables.push(name);
  };
  await create('leadership_settings', `unit_id uuid primary key references units(id),
    head_user_id uuid, remote_area boolean not null default false,
    uniform_days text not null default 'Thứ Hai hằng tuần', updated_at timestamptz not null default now()`);
  await create('leadership_visits', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    group_id uuid not null, planned_on date not null, held_on date, status text not null default 'planned',
    activity text not null, leader_ids uuid[] not null default '{}', leader_names text not null default '',
    notes text, created_at timestamptz not null default now(), primary key (unit_id, id)`);
  await create('leadership_visit_items', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    visit_id uuid not null, content text not null, feedback_code text, primary key (unit_id, id)`);
  await create('leadership_visit_photos', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    visit_id uuid not null, mime text not null, data bytea not null, primary key (unit_id, id)`);
  await create('leadership_receptions', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    kind text not null, held_on date not null, host_user_id uuid, host_name text not null, host_title text,
    place text not null, topic text, created_at timestamptz not null default now(), primary key (unit_id, id)`);
  await create('leadership_reception_entries', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    session_id uuid not null, seq int not null, people int not null default 1, matter text not null,
    classification text not null, handling text not null, case_id uuid, created_at timestamptz not null default now(),
    primary key (unit_id, id)`);
  await create('leadership_cases', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    code text not null, kind text not null, status text not null default 'received', matter text not null,
    source text not null default 'direct', received_on date not null, decision_known_on date, lodged_in_time boolean,
    accept_due date, accepted_on date, resolve_due date, complex boolean not null default false,
    extensions int not null default 0, resolved_on date, closed_on date, outcome text, escalated boolean not null default false,
    handler_id uuid, concerned_official_id uuid, reminded_on date, escalation_level int not null default 0,
    created_at timestamptz not null default now(), primary key (unit_id, id), unique (unit_id, code)`);
  await create('leadership_case_events', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    case_id uuid not null, at timestamptz not null default now(), kind text not null, note text, decision_no text,
    actor_name text, file_name text, file_mime text, file_data bytea, primary key (unit_id, id)`);
  await create('leadership_conduct_reports', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    feedback_id uuid, feedback_code text, content text not null, received_at timestamptz not null default now(),
    official_id uuid, handler_id uuid, status text not null default 'new', case_id uuid, rating smallint, primary key (unit_id, id)`);
  await create('leadership_identities', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    owner_kind text not null, owner_id uuid not null, name text, phone text, email text, address text, id_number text,
    primary key (unit_id, id)`);
  await create('leadership_profiles', `unit_id uuid not null references units(id), user_id uuid not null,
    badge_no text not null, duties text, phone text, photo_mime text, photo bytea, primary key (unit_id, user_id),
    unique (unit_id, badge_no)`);
  await create('leadership_trainings', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    user_id uuid not null, topic text not null, title text not null, completed_on date not null, primary key (unit_id, id)`);
  await create('leadership_discipline', `id uuid not null default uuidv7(), unit_id uuid not null references units(id),
    user_id uuid not null, kind text not null, reason text not null, occurred_on date not null, decision_no text,
    penalty text, primary key (unit_id, id)`);
  await sql`create index leadership_identities_owner on leadership_identities (unit_id, owner_kind, owner_id)`.execute(db);
  await sql`create index leadership_visits_week on leadership_visits (unit_id, held_on)`.execute(db);
  for (const t of tables) await enableTenantRls(db, t);
}
