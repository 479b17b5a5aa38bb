import { confirmPublishedItemReviewed, recordPublishedItems, syncPublishedItems, withdrawPublishedItems, type PublishedItemInput } from '../transparency/index.js';
import { listProcedureRows, type Db } from './repo.js';
import type { Procedure } from './types.js';

/**
 * Procedures are published items like any other page the unit publishes: the transparency module
 * records where each is published and when it was last reviewed, lists overdue ones on
 * /quan-tri/{unit}/ra-soat and in its reminder job. Through its exported service only.
 */
export const PROCEDURE_ITEM = 'procedure';
export const CATALOGUE_ITEM = 'catalogue';
/** A procedure is checked against the law at least twice a year. */
export const PROCEDURE_REVIEW_DAYS = 180;

export function procedureItem(unitSlug: string, p: Pick<Procedure, 'id' | 'name' | 'slug' | 'reviewedAt'>): PublishedItemInput {
  return {
    type: PROCEDURE_ITEM, ref: p.id, title: p.name, path: `/${unitSlug}/thu-tuc/${p.slug}`,
    channels: ['notice_board', 'website'], reviewIntervalDays: PROCEDURE_REVIEW_DAYS, reviewedAt: p.reviewedAt,
  };
}

const catalogueItem = (unitSlug: string): PublishedItemInput => ({
  type: CATALOGUE_ITEM, ref: '', title: 'Danh mục thủ tục hành chính', path: `/${unitSlug}/thu-tuc`, channels: ['notice_board', 'website'],
});

/** After a save or import: published procedures are (re)recorded, unpublished ones withdrawn. */
export async function trackProcedures(trx: Db, unitId: string, unitSlug: string, procedures: Procedure[]): Promise<void> {
  const published = procedures.filter((p) => p.published);
  await recordPublishedItems(trx, unitId, published.map((p) => procedureItem(unitSlug, p)));
  const withdrawn = procedures.filter((p) => !p.published).map((p) => p.id);
  if (withdrawn.length) await withdrawPublishedItems(trx, unitId, PROCEDURE_ITEM, withdrawn);
}

/** Makes the unit's tracked procedures exactly its published ones (seed, backfill, import). */
export async function syncProcedureItems(trx: Db, unitId: string, unitSlug: string): Promise<void> {
  const rows = await listProcedureRows(trx, unitId, { publishedOnly: true });
  await syncPublishedItems(trx, unitId, PROCEDURE_ITEM, rows.map((p) => procedureItem(unitSlug, p)));
  await recordPublishedItems(trx, unitId, [catalogueItem(unitSlug)]);
}

/** The officer confirmed the procedure: its review clock restarts (recorded first if it was not). */
export async function confirmProcedureReviewed(trx: Db, unitId: string, unitSlug: string, p: Procedure, now = new Date()): Promise<void> {
  if (!p.published) return;
  if (!(await confirmPublishedItemReviewed(trx, unitId, PROCEDURE_ITEM, p.id, now))) {
    await recordPublishedItems(trx, unitId, [{ ...procedureItem(unitSlug, p), reviewedAt: now }], now);
  }
}
