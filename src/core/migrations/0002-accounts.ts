import { sql, type Kysely } from 'kysely';

// Accounts, sessions and tokens are platform tables (no RLS): authentication happens before the
// request's unit is known, and only core auth code reads them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      username text not null unique,
      display_name text not null,
      email text,
      phone text,
      department_id uuid references departments(id),
      title text,
      password_hash text,
      totp_secret text,
      totp_enabled boolean not null default false,
      failed_logins int not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      unit_id uuid not null references units(id),
      role text not null check (role in ('admin','leader','centre_officer','department_officer','mass_org_liaison','viewer','inspection','city')),
      primary key (user_id, unit_id, role)
    )`.execute(db);
  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      second_factor_ok boolean not null default false,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
  await sql`
    create table api_tokens (
      id uuid primary key default uuidv7(),
      token_hash text not null unique,
      unit_id uuid not null references units(id),
      role text not null,
      label text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    create table password_tokens (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('setup', 'reset')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table login_attempts (
      id bigserial primary key,
      username text not null,
      ip text,
      ok boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_attempts_ip_idx on login_attempts (ip, at)`.execute(db);
}
