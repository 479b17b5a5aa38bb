import { sql, type Kysely } from 'kysely';
import { STATS_TRIGGER_FUNCTION } from './0003-monthly-stats.js';

/**
 * The statistics trigger of 0003 built `from (select …)` without an alias on updates, which
 * PostgreSQL 16 accepts and PostgreSQL 15 refuses; databases created before the fix get the
 * corrected function here (0003 itself now creates the corrected one).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(STATS_TRIGGER_FUNCTION.replace('create function', 'create or replace function')).execute(db);
}
