import type { Kysely } from 'kysely';
import { distributeByUnit } from '../../../core/migration-distribution.js';

/** Distribution keys (Citus): calendar overrides are keyed by `(unit_id, id)`; nothing points at them. */
export async function up(db: Kysely<any>): Promise<void> {
  await distributeByUnit(db, { links: [], keyedById: ['calendar_overrides'] });
}
