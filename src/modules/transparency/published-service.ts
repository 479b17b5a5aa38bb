import { sql, type Kysely, type Transaction } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { unitEnabledSql } from '../../core/seed/reference.js';
import { moduleSelected } from '../../core/module-selection.js';
import type { Channel } from './lib/freshness.js';
import { ensureFixedItems } from './published-items.js';
import { deletePublished, deletePublishedExcept, markReviewedByKey, recordPublishedMany } from './repo-published.js';

/**
 * Freshness tracking for other modules (catalogue): what a unit publishes, where, and when it was
 * last reviewed. Every function takes the caller's transaction (inside withUnit), so the record
 * changes with the content it describes. When the transparency module is not loaded
 * (THANTHIEN_MODULES without it) they do nothing.
 *
 * @example
 * import { recordPublishedItems } from '../transparency/index.js';
 * await recordPublishedItems(trx, unitId, [{ type: 'procedure', ref: p.id, title: p.name, path: `/${slug}/thu-tuc/${p.slug}`,
 *   channels: ['notice_board', 'website'], reviewIntervalDays: 180 }]);
 */
export interface PublishedItemInput {
  /** Kind of content, e.g. `procedure`. */
  type: string;
  /** Id of the content within its kind ('' for a single page). */
  ref?: string;
  title: string;
  /** Public path, e.g. `/chu-van-an/thu-tuc/dang-ky-khai-sinh`. */
  path: string;
  channels?: Channel[];
  /** Review interval when the item is first recorded. */
  reviewIntervalDays?: number;
  /** Last review when first recorded (default: now). */
  reviewedAt?: Date | null;
}

type Trx = Kysely<any> | Transaction<any>;
const active = () => moduleSelected('transparency');
const asTrx = (t: Trx) => t as Transaction<any>;

/** Records (or refreshes the title and path of) published items; review dates are kept. */
export async function recordPublishedItems(trx: Trx, unitId: string, items: PublishedItemInput[], now = new Date()): Promise<void> {
  if (!active() || items.length === 0) return;
  await recordPublishedMany(asTrx(trx), unitId, items, now);
}

/** Forgets items that are no longer published. */
export async function withdrawPublishedItems(trx: Trx, unitId: string, type: string, refs: string[]): Promise<void> {
  if (!active()) return;
  await deletePublished(asTrx(trx), unitId, type, refs);
}

/**
 * Makes the items of one type exactly `items`: records them and forgets the other items of that
 * type (used at seed time and after a catalogue import).
 */
export async function syncPublishedItems(trx: Trx, unitId: string, type: string, items: PublishedItemInput[], now = new Date()): Promise<void> {
  if (!active()) return;
  await deletePublishedExcept(asTrx(trx), unitId, type, items.map((i) => i.ref ?? ''));
  await recordPublishedMany(asTrx(trx), unitId, items, now);
}

/** An officer confirmed the content is still right: its review clock restarts. False when not tracked. */
export async function confirmPublishedItemReviewed(trx: Trx, unitId: string, type: string, ref: string, now = new Date()): Promise<boolean> {
  if (!active()) return false;
  return markReviewedByKey(asTrx(trx), unitId, type, ref, now);
}

/**
 * Creates the standard items (directory, calendars, reception, commitment, statistics) of every
 * ward, commune and special zone that lacks them. Idempotent; runs with the reference seed.
 */
export async function ensureStandardPublishedItems(db: Kysely<any>, now = new Date()): Promise<number> {
  const { rows } = await sql<{ id: string; slug: string; type: string }>`
    select id, slug, type from units where type <> 'city' and ${unitEnabledSql} order by slug`.execute(db);
  for (const u of rows) await withUnit(db, u.id, (trx) => ensureFixedItems(trx, u.id, u.slug, now, u.type));
  return rows.length;
}
