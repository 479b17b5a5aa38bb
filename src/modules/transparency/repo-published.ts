import { sql, type Transaction } from 'kysely';
import type { Channel } from './lib/freshness.js';

type Trx = Transaction<any>;

export interface PublishedItem {
  id: string; item_type: string; item_ref: string; title: string; path: string; channels: Channel[];
  published_at: Date; last_reviewed_at: Date; review_interval_days: number; reminded_at: Date | null;
}

/** Default review intervals (days) per item type: calendars weekly, the rest on a slower rhythm. */
export const REVIEW_INTERVALS: Record<string, number> = {
  directory: 90, calendar: 7, reception_rules: 365, reception_schedule: 90, commitment: 365,
  disclosure: 30, land_project: 30, statistics: 31,
  // Procedures change with the law (a few times a year); the catalogue index with them.
  procedure: 180, catalogue: 90,
};

export interface ItemKey {
  type: string; ref?: string; title: string; path: string; channels?: Channel[];
  /** Review interval of a new item (default: REVIEW_INTERVALS of the type, else 90). */
  reviewIntervalDays?: number;
  /** Last review of a new item when known (default: now, the publication). */
  reviewedAt?: Date | null;
}

/** Records that an item is published (first time) or refreshes its title/path; never resets the review date. */
export async function recordPublished(trx: Trx, unitId: string, key: ItemKey, now = new Date()): Promise<void> {
  await trx.insertInto('published_items').values({
    unit_id: unitId, item_type: key.type, item_ref: key.ref ?? '', title: key.title, path: key.path,
    channels: key.channels ?? ['website'], published_at: now, last_reviewed_at: now,
    review_interval_days: REVIEW_INTERVALS[key.type] ?? 90,
  }).onConflict((oc) => oc.columns(['unit_id', 'item_type', 'item_ref']).doUpdateSet({ title: key.title, path: key.path })).execute();
}

/**
 * Records many items of a unit in one statement: new ones are inserted, known ones get their
 * title and path refreshed (channels, interval and review date stay as staff set them).
 */
export async function recordPublishedMany(trx: Trx, unitId: string, keys: ItemKey[], now = new Date()): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) {
    const values = keys.slice(i, i + 500).map((key) => ({
      unit_id: unitId, item_type: key.type, item_ref: key.ref ?? '', title: key.title, path: key.path,
      channels: key.channels ?? ['website'], published_at: now, last_reviewed_at: key.reviewedAt ?? now,
      review_interval_days: key.reviewIntervalDays ?? REVIEW_INTERVALS[key.type] ?? 90,
    }));
    await trx.insertInto('published_items').values(values)
      .onConflict((oc) => oc.columns(['unit_id', 'item_type', 'item_ref']).doUpdateSet({ title: sql`excluded.title`, path: sql`excluded.path` })
        .where(sql<boolean>`(published_items.title, published_items.path) is distinct from (excluded.title, excluded.path)`))
      .execute();
  }
}

/** Removes items that are no longer published (e.g. an unpublished procedure). Scoped by unit: seeds run as the owner, past RLS. */
export async function deletePublished(trx: Trx, unitId: string, type: string, refs: string[]): Promise<number> {
  if (!refs.length) return 0;
  const r = await trx.deleteFrom('published_items').where('unit_id', '=', unitId).where('item_type', '=', type).where('item_ref', 'in', refs).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes the items of a type whose ref is not in `keep`. */
export async function deletePublishedExcept(trx: Trx, unitId: string, type: string, keep: string[]): Promise<number> {
  let q = trx.deleteFrom('published_items').where('unit_id', '=', unitId).where('item_type', '=', type);
  if (keep.length) q = q.where('item_ref', 'not in', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sets the last review of one item (by type and ref) to `now`; false when there is no such item. */
export async function markReviewedByKey(trx: Trx, unitId: string, type: string, ref: string, now = new Date()): Promise<boolean> {
  const r = await trx.updateTable('published_items').set({ last_reviewed_at: now })
    .where('unit_id', '=', unitId).where('item_type', '=', type).where('item_ref', '=', ref).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function listPublished(trx: Trx): Promise<PublishedItem[]> {
  return trx.selectFrom('published_items').selectAll().orderBy('item_type').orderBy('title').execute() as Promise<PublishedItem[]>;
}

export function getPublished(trx: Trx, id: string): Promise<PublishedItem | undefined> {
  return trx.selectFrom('published_items').selectAll().where('id', '=', id).executeTakeFirst() as Promise<PublishedItem | undefined>;
}

export function findPublished(trx: Trx, type: string, ref = ''): Promise<PublishedItem | undefined> {
  return trx.selectFrom('published_items').selectAll().where('item_type', '=', type).where('item_ref', '=', ref).executeTakeFirst() as Promise<PublishedItem | undefined>;
}

export async function markReviewed(trx: Trx, id: string, channels: Channel[], intervalDays: number, now = new Date()): Promise<void> {
  await trx.updateTable('published_items').set({ channels, review_interval_days: intervalDays, last_reviewed_at: now })
    .where('id', '=', id).execute();
}

export async function markReminded(trx: Trx, ids: string[], now: Date): Promise<void> {
  if (ids.length) await trx.updateTable('published_items').set({ reminded_at: now }).where('id', 'in', ids).execute();
}
