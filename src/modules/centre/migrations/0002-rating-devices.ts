import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/**
 * Rating devices paired with a counter by staff. A device proves its pairing with a signed cookie
 * naming its row; revoking the row (or a new pairing of that browser) ends it. A pairing link for
 * another device is a pending row holding the hash of a one-time code (10 minutes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table centre_rating_devices (
      id uuid primary key default uuidv7(),
      unit_id uuid not null references units(id),
      counter_id uuid not null references centre_counters(id) on delete cascade,
      pair_code_hash text unique,
      pair_expires_at timestamptz,
      paired_at timestamptz,
      revoked_at timestamptz,
      last_seen_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now()
    );
    create index centre_rating_devices_counter on centre_rating_devices (unit_id, counter_id);
  `.execute(db);
  await enableTenantRls(db, 'centre_rating_devices');
}
