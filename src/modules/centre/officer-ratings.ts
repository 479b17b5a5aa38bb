import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withUnit } from '../../core/tenancy.js';

export interface OfficerRatings { total: number; satisfied: number; normal: number; unsatisfied: number }

/**
 * Citizens' ratings (counter and reception) of one official, for the leadership module's
 * per-official page: ratings roll up per official, not per counter.
 */
export function officerRatings(db: Kysely<any>, unitId: string, userId: string): Promise<OfficerRatings> {
  return withUnit(db, unitId, async (trx) => (await sql<OfficerRatings>`select count(*)::int as total,
      count(*) filter (where score = 'satisfied')::int as satisfied, count(*) filter (where score = 'normal')::int as normal,
      count(*) filter (where score = 'unsatisfied')::int as unsatisfied
    from centre_ratings where officer_user_id = ${userId}`.execute(trx)).rows[0]);
}
