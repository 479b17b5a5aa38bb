import type { Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

/**
 * Calendar overrides and the unit's deadline settings. Both are ordinary tenant tables
 * (unit_id not null, row-level security). A city-wide override is a row owned by the city unit
 * (units.type = 'city'); a ward's calendar reads its own rows and its parent's, through
 * withUnits([ward, city]) — so no nullable unit_id and no special policy is needed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'calendar_overrides', `
      date date not null,
      kind text not null check (kind in ('off', 'work')),
      reason text not null check (length(reason) between 3 and 300),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (unit_id, date)
  `);

  await createUnitTable(db, 'calendar_settings', `
      cutoff text check (cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
  `);
}
