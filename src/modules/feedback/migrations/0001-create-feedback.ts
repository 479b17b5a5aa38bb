import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/**
 * Feedback items, their timeline and photos. The hot insert path (anonymous intake) touches
 * `feedback` (three indexes: primary key, code, dedupe key) and `feedback_codes` only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'feedback', `
      code text not null,
      category text not null,
      channel text not null,
      status text not null default 'received',
      content text not null,
      sender_name text,
      sender_phone text,
      sender_email text,
      sender_handle text,
      share_location boolean not null default false,
      lat double precision,
      lng double precision,
      address text,
      box_location text,
      intake_id uuid,
      dedupe_key text,
      received_at timestamptz not null default now(),
      due_date date not null,
      department_code text,
      assignee_id uuid,
      concerned_official_id uuid,
      public_reply text,
      answered_at timestamptz,
      closed_at timestamptz,
      rating smallint check (rating between 1 and 5),
      rating_comment text,
      rated_at timestamptz,
      reopen_count int not null default 0,
      published boolean not null default false,
      public_summary text,
      merged_into uuid,
      reminded_on date,
      escalation_level smallint not null default 0,
      updated_at timestamptz not null default now()
  `);
  await sql`create unique index feedback_code_key on feedback (code)`.execute(db);
  await sql`create index feedback_dedupe_idx on feedback (unit_id, dedupe_key)`.execute(db);

  // Public look-up by code (no unit in the URL): code → unit, nothing personal, no RLS.
  await sql`create table feedback_codes (code text primary key, unit_id uuid not null references units(id))`.execute(db);

  await createTenantTable(db, 'feedback_events', `
      feedback_id uuid not null references feedback(id),
      at timestamptz not null default now(),
      action text not null,
      from_status text,
      to_status text,
      note text,
      is_public boolean not null default true,
      actor_id uuid
  `);
  await sql`create index feedback_events_item_idx on feedback_events (feedback_id, at)`.execute(db);

  await createTenantTable(db, 'feedback_photos', `
      feedback_id uuid not null references feedback(id),
      mime text not null,
      width int not null,
      height int not null,
      bytes bytea not null,
      kept_location boolean not null default false,
      created_at timestamptz not null default now()
  `);
  await sql`create index feedback_photos_item_idx on feedback_photos (feedback_id)`.execute(db);
}
