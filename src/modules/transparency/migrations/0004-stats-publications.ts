import type { Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Imported monthly online-procedure figures, and the channel/freshness record of every published item. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'online_stats_monthly', `
      year int not null check (year between 2000 and 2100),
      month int not null check (month between 1 and 12),
      field text not null,
      received_online int not null check (received_online >= 0),
      received_in_person int not null check (received_in_person >= 0),
      resolved int not null check (resolved >= 0),
      resolved_on_time int not null check (resolved_on_time >= 0),
      source text not null,
      imported_at timestamptz not null default now(),
      check (resolved_on_time <= resolved),
      unique (unit_id, year, month, field)
  `);

  await createTenantTable(db, 'published_items', `
      item_type text not null,
      item_ref text not null default '',
      title text not null,
      path text not null,
      channels text[] not null default '{}',
      published_at timestamptz not null default now(),
      last_reviewed_at timestamptz not null default now(),
      review_interval_days int not null check (review_interval_days between 1 and 3650),
      reminded_at timestamptz,
      unique (unit_id, item_type, item_ref)
  `);
}
