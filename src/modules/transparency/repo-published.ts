import type { Transaction } from 'kysely';
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
};

export interface ItemKey { type: string; ref?: string; title: string; path: string; channels?: Channel[] }

/** Records that an item is published (first time) or refreshes its title/path; never resets the review date. */
export async function recordPublished(trx: Trx, unitId: string, key: ItemKey, now = new Date()): Promise<void> {
  await trx.insertInto('published_items').values({
    unit_id: unitId, item_type: key.type, item_ref: key.ref ?? '', title: key.title, path: key.path,
    channels: key.channels ?? ['website'], published_at: now, last_reviewed_at: now,
    review_interval_days: REVIEW_INTERVALS[key.type] ?? 90,
  }).onConflict((oc) => oc.columns(['unit_id', 'item_type', 'item_ref']).doUpdateSet({ title: key.title, path: key.path })).execute();
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
