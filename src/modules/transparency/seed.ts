import type { Kysely, Transaction } from 'kysely';
import type { SeedContext } from '../../core/module.js';
import { ensureFixedItems, recordDocument, recordProject } from './published-items.js';
import { DEMO_DIRECTORY } from './seed/directory-data.js';
import { COMMITMENT, RECEPTION_RULES } from './seed/texts-data.js';
import { seedCalendar } from './seed/seed-calendar.js';
import { seedDisclosures } from './seed/seed-disclosures.js';
import { seedStats } from './seed/seed-stats.js';

async function seedReception(db: Kysely<any>, unitId: string): Promise<void> {
  const base = { unit_id: unitId, place: 'Phòng tiếp công dân, tầng 1, trụ sở UBND phường' };
  await db.insertInto('reception_schedules').values([
    { ...base, leader_name: 'Nguyễn Văn Thương', leader_title: 'Chủ tịch UBND phường', recurrence: 'weekly', weekday: 4, start_time: '07:30', end_time: '11:30', note: 'Tiếp định kỳ theo Điều 15 Luật Tiếp công dân.' },
    { ...base, leader_name: 'Đoàn Văn Hiếu', leader_title: 'Bí thư Đảng ủy phường', recurrence: 'monthly', weekday: 2, week_of_month: 3, start_time: '14:00', end_time: '16:30', note: 'Người đứng đầu cấp ủy tiếp công dân ít nhất 01 lần/tháng.' },
  ]).execute();
  await db.insertInto('transparency_texts').values([
    { unit_id: unitId, kind: 'reception_rules', ...RECEPTION_RULES },
    { unit_id: unitId, kind: 'commitment', ...COMMITMENT },
  ]).execute();
}

/** Demo data of the demo ward: directory, two weeks of calendar, reception, disclosures, statistics, review state. */
export async function seedDemo(ctx: SeedContext): Promise<void> {
  const { db, unitId, unitSlug, now } = ctx;
  await db.insertInto('directory_entries').values(DEMO_DIRECTORY.map((e) => ({ ...e, unit_id: unitId }))).execute();
  await seedCalendar(db, unitId, now);
  await seedReception(db, unitId);
  await seedDisclosures(db, unitId, now);
  await seedStats(db, unitId, now);
  const trx = db as unknown as Transaction<any>;
  await ensureFixedItems(trx, unitId, unitSlug, now, 'ward');
  const docs = await db.selectFrom('disclosure_documents').select(['id', 'title']).where('unit_id', '=', unitId).where('project_id', 'is', null).execute();
  for (const d of docs) await recordDocument(trx, unitId, unitSlug, d, now);
  const projects = await db.selectFrom('land_projects').select(['id', 'name']).where('unit_id', '=', unitId).execute();
  for (const p of projects) await recordProject(trx, unitId, unitSlug, p, now);
  // Two items overdue for review, so the staff list and the reminder job have something to show.
  const longAgo = new Date(now.getTime() - 120 * 86400_000);
  await db.updateTable('published_items').set({ last_reviewed_at: longAgo, published_at: longAgo })
    .where('unit_id', '=', unitId).where('item_type', 'in', ['directory', 'reception_schedule']).execute();
}
