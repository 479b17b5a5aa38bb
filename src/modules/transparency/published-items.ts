import type { Transaction } from 'kysely';
import { recordPublished, REVIEW_INTERVALS } from './repo-published.js';
import type { Channel } from './lib/freshness.js';

type Trx = Transaction<any>;

/** How the stored item titles name the unit: "UBND phường", "UBND xã", "UBND đặc khu". */
const LEVEL_WORD: Record<string, string> = { ward: 'phường', commune: 'xã', special_zone: 'đặc khu' };

/** The fixed published items every unit has, with their public path and usual channels. */
export function fixedItems(slug: string, unitType = 'ward'): { type: string; ref: string; title: string; path: string; channels: Channel[] }[] {
  const level = LEVEL_WORD[unitType] ?? 'phường';
  return [
    { type: 'directory', ref: '', title: 'Danh bạ điện thoại', path: `/${slug}/danh-ba`, channels: ['notice_board', 'website'] },
    { type: 'calendar', ref: 'committee', title: `Lịch công tác tuần của UBND ${level}`, path: `/${slug}/lich-cong-tac`, channels: ['notice_board', 'website'] },
    { type: 'calendar', ref: 'chairman', title: `Lịch công tác tuần của Chủ tịch UBND ${level}`, path: `/${slug}/lich-cong-tac?lich=chu-tich`, channels: ['notice_board', 'website'] },
    { type: 'reception_rules', ref: '', title: 'Nội quy tiếp công dân', path: `/${slug}/tiep-cong-dan`, channels: ['notice_board', 'website'] },
    { type: 'reception_schedule', ref: '', title: 'Lịch tiếp công dân định kỳ', path: `/${slug}/tiep-cong-dan`, channels: ['notice_board', 'website', 'radio'] },
    { type: 'commitment', ref: '', title: 'Cam kết không gây phiền hà, sách nhiễu, tiêu cực', path: `/${slug}/cong-khai`, channels: ['notice_board', 'website', 'social'] },
    { type: 'statistics', ref: '', title: 'Tình hình giải quyết thủ tục hành chính trực tuyến', path: `/${slug}/thong-ke`, channels: ['website', 'social'] },
  ];
}

/** Creates the fixed items that do not exist yet (idempotent; existing review dates are kept). */
export async function ensureFixedItems(trx: Trx, unitId: string, slug: string, now = new Date(), unitType = 'ward'): Promise<void> {
  for (const item of fixedItems(slug, unitType)) {
    await trx.insertInto('published_items').values({
      unit_id: unitId, item_type: item.type, item_ref: item.ref, title: item.title, path: item.path, channels: item.channels,
      published_at: now, last_reviewed_at: now, review_interval_days: REVIEW_INTERVALS[item.type] ?? 90,
    }).onConflict((oc) => oc.columns(['unit_id', 'item_type', 'item_ref']).doNothing()).execute();
  }
}

export const documentPath = (slug: string, id: string) => `/${slug}/cong-khai/${id}`;
export const projectPath = (slug: string, id: string) => `/${slug}/cong-khai/du-an/${id}`;

export function recordDocument(trx: Trx, unitId: string, slug: string, doc: { id: string; title: string }, now?: Date) {
  return recordPublished(trx, unitId, { type: 'disclosure', ref: doc.id, title: doc.title, path: documentPath(slug, doc.id), channels: ['notice_board', 'website'] }, now);
}

export function recordProject(trx: Trx, unitId: string, slug: string, p: { id: string; name: string }, now?: Date) {
  return recordPublished(trx, unitId, { type: 'land_project', ref: p.id, title: p.name, path: projectPath(slug, p.id), channels: ['notice_board', 'website', 'radio'] }, now);
}
