/** Field visits of leaders and managers to residential groups (tổ dân phố): plan, record, comply. */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { addDays, isoWeekOf } from '../../lib/vn-calendar/index.js';
import { finishedWeeks } from './weeks.js';

type Db = Kysely<any> | Transaction<any>;

/** A group not visited for this many days is flagged on the coverage list. */
export const LONG_UNVISITED_DAYS = 90;

/** Deputy head of department or above (the programme's "lãnh đạo, quản lý từ cấp phó trưởng phòng trở lên"). */
const MANAGER_TITLE = /(chủ tịch|bí thư|trưởng phòng|giám đốc|chánh văn phòng|trưởng ban|chỉ huy trưởng|trưởng công an)/i;
export const isManager = (m: { title: string | null; roles: string[] }): boolean =>
  m.roles.includes('leader') || (m.title !== null && MANAGER_TITLE.test(m.title));

export interface Visit {
  id: string; group_id: string; group_name: string; planned_on: string; held_on: string | null; status: 'planned' | 'held' | 'cancelled';
  activity: string; leader_names: string; notes: string | null; items: number; photos: number;
}

export function listVisits(trx: Db, limit = 50, offset = 0): Promise<Visit[]> {
  return sql<Visit>`select v.id, v.group_id, g.name as group_name, v.planned_on, v.held_on, v.status, v.activity, v.leader_names, v.notes,
      (select count(*)::int from leadership_visit_items i where i.visit_id = v.id) as items,
      (select count(*)::int from leadership_visit_photos p where p.visit_id = v.id) as photos
    from leadership_visits v join residential_groups g on g.unit_id = v.unit_id and g.id = v.group_id
    order by coalesce(v.held_on, v.planned_on) desc limit ${limit} offset ${offset}`.execute(trx).then((r) => r.rows);
}

export async function getVisit(trx: Db, id: string): Promise<Visit | undefined> {
  const { rows } = await sql<Visit>`select v.id, v.group_id, g.name as group_name, v.planned_on, v.held_on, v.status, v.activity,
      v.leader_names, v.notes, 0 as items, 0 as photos
    from leadership_visits v join residential_groups g on g.unit_id = v.unit_id and g.id = v.group_id where v.id = ${id}`.execute(trx);
  return rows[0];
}

export interface Coverage { id: string; code: string; name: string; last_visit: string | null; visits_this_year: number; long_unvisited: boolean }

/** Every residential group with its last held visit; `long_unvisited` after LONG_UNVISITED_DAYS. */
export async function coverage(trx: Db, year: number, today: string): Promise<Coverage[]> {
  const { rows } = await sql<Omit<Coverage, 'long_unvisited'>>`select g.id, g.code, g.name,
      (select max(v.held_on) from leadership_visits v where v.group_id = g.id and v.status = 'held' and v.held_on <= ${today}) as last_visit,
      (select count(*)::int from leadership_visits v where v.group_id = g.id and v.status = 'held'
        and extract(year from v.held_on) = ${year}) as visits_this_year
    from residential_groups g order by g.code`.execute(trx);
  const limit = addDays(today, -LONG_UNVISITED_DAYS);
  return rows.map((r) => ({ ...r, long_unvisited: r.last_visit === null || r.last_visit < limit }));
}

export interface WeekCompliance { monday: string; visits: number }

/** Finished weeks of the year with the number of held visits in each (0 = missed). */
export async function weeklyCompliance(trx: Db, year: number, today: string): Promise<WeekCompliance[]> {
  const weeks = finishedWeeks(year, today);
  if (!weeks.length) return [];
  const { rows } = await sql<{ held_on: string }>`select held_on from leadership_visits
    where status = 'held' and held_on >= ${weeks[0]} and held_on <= ${addDays(weeks[weeks.length - 1], 6)}`.execute(trx);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(isoWeekOf(r.held_on).monday, (counts.get(isoWeekOf(r.held_on).monday) ?? 0) + 1);
  return weeks.map((monday) => ({ monday, visits: counts.get(monday) ?? 0 }));
}

export function listItems(trx: Db, visitId: string): Promise<{ id: string; content: string; feedback_code: string | null }[]> {
  return trx.selectFrom('leadership_visit_items').select(['id', 'content', 'feedback_code']).where('visit_id', '=', visitId).orderBy('id').execute() as any;
}

export async function planVisit(trx: Db, unitId: string, v: { groupId: string; plannedOn: string; activity: string }): Promise<string> {
  const r = await trx.insertInto('leadership_visits').values({ unit_id: unitId, group_id: v.groupId, planned_on: v.plannedOn,
    activity: v.activity }).returning('id').executeTakeFirstOrThrow();
  return r.id as string;
}

export interface HeldVisit { heldOn: string; leaders: Array<{ id: string; display_name: string }>; notes: string | null }

/** Records a visit's outcome: marks it held (unless it already was), adds the raised items and the photos. */
export async function recordVisit(
  trx: Db, unitId: string, visitId: string, held: HeldVisit | null, raised: string[], photos: Buffer[],
): Promise<void> {
  if (held) {
    await trx.updateTable('leadership_visits').set({ status: 'held', held_on: held.heldOn, leader_ids: held.leaders.map((m) => m.id),
      leader_names: held.leaders.map((m) => m.display_name).join(', '), notes: held.notes }).where('id', '=', visitId).execute();
  }
  for (const content of raised) {
    await trx.insertInto('leadership_visit_items').values({ unit_id: unitId, visit_id: visitId, content }).execute();
  }
  for (const data of photos) {
    await trx.insertInto('leadership_visit_photos').values({ unit_id: unitId, visit_id: visitId, mime: 'image/jpeg', data }).execute();
  }
}

/** Cancels a planned visit; false when it was not (or no longer) planned. */
export async function cancelPlannedVisit(trx: Db, id: string): Promise<boolean> {
  const r = await trx.updateTable('leadership_visits').set({ status: 'cancelled' }).where('id', '=', id).where('status', '=', 'planned')
    .executeTakeFirst();
  return Boolean(Number(r.numUpdatedRows));
}

export function visitItem(
  trx: Db, visitId: string, itemId: string,
): Promise<{ id: string; content: string; feedback_code: string | null; group_name: string } | undefined> {
  return trx.selectFrom('leadership_visit_items as i').innerJoin('leadership_visits as v', 'v.id', 'i.visit_id')
    .innerJoin('residential_groups as g', (j) => j.onRef('g.unit_id', '=', 'v.unit_id').onRef('g.id', '=', 'v.group_id'))
    .select(['i.id', 'i.content', 'i.feedback_code', 'g.name as group_name'])
    .where('i.id', '=', itemId).where('i.visit_id', '=', visitId).executeTakeFirst() as Promise<any>;
}

export async function linkItemFeedback(trx: Db, itemId: string, code: string): Promise<void> {
  await trx.updateTable('leadership_visit_items' as any).set({ feedback_code: code } as any).where('id' as any, '=', itemId).execute();
}

export function visitPhoto(trx: Db, visitId: string, photoId: string): Promise<{ mime: string; data: Buffer } | undefined> {
  return trx.selectFrom('leadership_visit_photos').select(['mime', 'data'])
    .where('id', '=', photoId).where('visit_id', '=', visitId).executeTakeFirst() as Promise<any>;
}

export function listPhotoIds(trx: Db, visitId: string): Promise<{ id: string }[]> {
  return trx.selectFrom('leadership_visit_photos').select(['id']).where('visit_id', '=', visitId).orderBy('id').execute() as any;
}
