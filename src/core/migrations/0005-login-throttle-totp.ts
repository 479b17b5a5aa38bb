import { sql, type Kysely } from 'kysely';

// Issue 11: login throttling counts failures per account and per (account, address) instead of
// locking accounts; a TOTP code is accepted once (the last used time step is kept) and wrong
// codes are limited per account.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index login_attempts_user_idx on login_attempts (username, at)`.execute(db);
  await sql`alter table users
    add column totp_last_step bigint,
    add column totp_failures int not null default 0,
    add column totp_blocked_until timestamptz`.execute(db);
}
