import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { createReceptionToken } from './rating-service.js';
import { urls } from './routes/urls.js';

/**
 * A single-use rating link for one citizen-reception session, for the module that keeps the
 * reception register to print as a QR on the slip:
 *   await createReceptionRatingLink(app.db, unit.id, unit.slug, 'Tiếp công dân 26/11/2026 – Chủ tịch', staffUserId)
 *   → '/chu-van-an/danh-gia/tiep-cong-dan/rAbC….xyz'
 */
export async function createReceptionRatingLink(db: Kysely<any>, unitId: string, unitSlug: string, reference: string, createdBy: string | null): Promise<string> {
  const token = await withUnit(db, unitId, (trx) => createReceptionToken(trx, unitId, reference.slice(0, 200), createdBy));
  return urls.rateReception(unitSlug, token);
}
