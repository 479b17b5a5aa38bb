import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Home service requests (phục vụ tại nhà) from people who cannot travel; staff-only. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'dossier_home_requests', `
      requester_name text not null,
      phone text not null,
      address text not null,
      category text not null check (category in ('war_invalid', 'seriously_ill', 'disability', 'elderly_alone')),
      procedure_name text not null,
      note text,
      status text not null default 'requested'
        check (status in ('requested', 'scheduled', 'picked_up', 'delivered', 'cancelled')),
      visit_at timestamptz,
      picked_up_at timestamptz,
      delivered_at timestamptz,
      officer_name text,
      dossier_id uuid references dossiers(id),
      created_at timestamptz not null default now()
  `);
  await sql`create index dossier_home_requests_unit_idx on dossier_home_requests (unit_id, status, created_at desc)`.execute(db);
}
