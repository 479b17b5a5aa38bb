import type { Kysely } from 'kysely';
import { vnParts } from '../../../lib/vn-calendar/index.js';

const FIELDS: [field: string, base: number, onlineShare: number][] = [
  ['Hộ tịch', 120, 0.62], ['Chứng thực', 180, 0.18], ['Đất đai', 25, 0.35], ['Xây dựng', 12, 0.5], ['Bảo trợ xã hội', 30, 0.4],
];

/** Deterministic monthly figures for last year and each finished month of this year (the online share grows). */
export async function seedStats(db: Kysely<any>, unitId: string, now: Date): Promise<void> {
  const { year, month } = vnParts(now);
  const rows = [];
  for (const y of [year - 1, year]) {
    const last = y === year ? month - 1 : 12;
    for (let m = 1; m <= last; m++) {
      for (const [field, base, share] of FIELDS) {
        const received = base + ((m * 7 + field.length) % 11);
        const growth = (y - (year - 1)) * 0.08 + m * 0.005;
        const online = Math.round(received * Math.min(0.95, share + growth));
        const resolved = received - ((m + field.length) % 4);
        const late = (m + field.length) % 3 === 0 ? 2 : (m % 5 === 0 ? 1 : 0);
        rows.push({ unit_id: unitId, year: y, month: m, field, received_online: online, received_in_person: received - online,
          resolved, resolved_on_time: resolved - late, source: 'Báo cáo tháng của Trung tâm Phục vụ hành chính công (dữ liệu minh họa)' });
      }
    }
  }
  if (rows.length) await db.insertInto('online_stats_monthly').values(rows).execute();
}
