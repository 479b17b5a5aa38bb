import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import type { SurveyTables } from './repo.js';

/**
 * The public path of the unit's published centre-satisfaction survey (the newest one of kind
 * 'centre'), or null when none is published. For the centre module's ticket and thank-you pages.
 * @example await centreSurveyPath(app.db, unit.id, unit.slug) // '/chu-van-an/khao-sat/hai-long-trung-tam?kenh=qr'
 */
export async function centreSurveyPath(db: Kysely<any>, unitId: string, unitSlug: string, channel: 'qr' | 'online' = 'qr'): Promise<string | null> {
  const row = await withUnit<{ slug: string } | undefined, SurveyTables>(db, unitId, (trx) => trx.selectFrom('surveys').select('slug')
    .where('unit_id', '=', unitId).where('kind', '=', 'centre').where('status', '=', 'published')
    .orderBy('published_at', 'desc').limit(1).executeTakeFirst());
  if (!row) return null;
  return `/${unitSlug}/khao-sat/${encodeURIComponent(row.slug)}${channel === 'qr' ? '?kenh=qr' : ''}`;
}
