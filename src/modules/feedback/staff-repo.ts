/** Read queries of the staff pages. Sensitive categories are filtered by the caller's roles. */
import { sql } from 'kysely';
import { isSensitiveCategory, type Viewer, canSeeItem, forViewer } from './policy.js';
import { CATEGORY_CODES } from './categories.js';
import { listDepartments, listUnitStaff } from './org.js';
import type { FeedbackTrx } from './types.js';

export interface StaffFilter {
  status?: string | null;
  category?: string | null;
  overdueOnly?: boolean;
  /** Open items due from today up to `soonUntil` (inclusive). */
  dueSoonOnly?: boolean;
  /** Open items not yet assigned to a department or official (received, classified). */
  unassignedOnly?: boolean;
  today: string;
  /** Last day that counts as "due soon": `DUE_SOON_WORKING_DAYS` working days after today. */
  soonUntil: string;
  page: number;
  pageSize: number;
}

const OPEN = ['received', 'classified', 'assigned', 'in_progress'];
const UNASSIGNED = ['received', 'classified'];
/** "Due soon" = due today or within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;
const SENSITIVE = CATEGORY_CODES.filter(isSensitiveCategory);

/** Categories a viewer may list. */
export const visibleCategories = (viewer: Viewer): string[] =>
  CATEGORY_CODES.filter((c) => !isSensitiveCategory(c) || canSeeItem(viewer, { category: c }));

export async function listForStaff(trx: FeedbackTrx, viewer: Viewer, f: StaffFilter) {
  let q = trx.selectFrom('feedback').where('category', 'in', visibleCategories(viewer));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.overdueOnly) q = q.where('status', 'in', OPEN).where('due_date', '<', f.today);
  if (f.dueSoonOnly) q = q.where('status', 'in', OPEN).where('due_date', '>=', f.today).where('due_date', '<=', f.soonUntil);
  if (f.unassignedOnly) q = q.where('status', 'in', UNASSIGNED);
  const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['code', 'category', 'channel', 'status', 'received_at', 'due_date', 'published', sql<string>`left(content, 140)`.as('excerpt')])
    .orderBy('received_at', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total, rows };
}

export interface StaffCounts {
  overdue: number;
  dueSoon: number;
  unassigned: number;
}

/** The summary above the staff list: open items overdue, due soon and not yet assigned, among the items the viewer may see. */
export async function countsForStaff(trx: FeedbackTrx, viewer: Viewer, today: string, soonUntil: string): Promise<StaffCounts> {
  return trx.selectFrom('feedback').where('category', 'in', visibleCategories(viewer)).where('status', 'in', OPEN)
    .select([
      sql<number>`count(*) filter (where due_date < ${today}::date)::int`.as('overdue'),
      sql<number>`count(*) filter (where due_date >= ${today}::date and due_date <= ${soonUntil}::date)::int`.as('dueSoon'),
      sql<number>`count(*) filter (where status in (${sql.join(UNASSIGNED)}))::int`.as('unassigned'),
    ]).executeTakeFirstOrThrow();
}

export async function detailForStaff(trx: FeedbackTrx, viewer: Viewer, code: string) {
  const item = await trx.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirst();
  if (!item || !canSeeItem(viewer, item)) return null;
  const events = await trx.selectFrom('feedback_events').select(['at', 'action', 'from_status', 'to_status', 'note'])
    .where('feedback_id', '=', item.id).orderBy('at').execute();
  const photos = await trx.selectFrom('feedback_photos').select(['id', 'width', 'height', 'mime'])
    .where('feedback_id', '=', item.id).orderBy('created_at').execute();
  const merged = item.merged_into
    ? await trx.selectFrom('feedback').select('code').where('id', '=', item.merged_into).executeTakeFirst()
    : undefined;
  const departments = await listDepartments(trx);
  const staff = await listUnitStaff(trx, item.unit_id);
  return { item: forViewer(viewer, item), events, photos, mergedIntoCode: merged?.code ?? null, departments, staff };
}

export async function photoForStaff(trx: FeedbackTrx, viewer: Viewer, photoId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(photoId)) return null;
  const row = await trx.selectFrom('feedback_photos').innerJoin('feedback', 'feedback.id', 'feedback_photos.feedback_id')
    .select(['feedback_photos.mime', 'feedback_photos.bytes', 'feedback.category'])
    .where('feedback_photos.id', '=', photoId).executeTakeFirst();
  return row && canSeeItem(viewer, row) ? row : null;
}


/**
 * Published items for the public board, newest first: only what the moderator approved (summary,
 * place, rounded coordinates) and the public reply — never the sender's address or exact point.
 */
export async function publishedItems(trx: FeedbackTrx, limit: number, offset: number) {
  const base = trx.selectFrom('feedback').where('published', '=', true).where('category', 'not in', SENSITIVE);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['code', 'category', 'status', 'received_at', 'due_date', 'answered_at', 'public_summary', 'board_reply', 'public_place'])
    .orderBy('received_at', 'desc').limit(limit).offset(offset).execute();
  return { total, rows };
}

/** Points of the board map: published items whose coordinates the moderator approved. */
export async function publishedPoints(trx: FeedbackTrx, limit = 300) {
  return trx.selectFrom('feedback')
    .select(['code', 'category', 'status', 'public_lat', 'public_lng'])
    .where('published', '=', true).where('category', 'not in', SENSITIVE)
    .where('public_lat', 'is not', null).where('public_lng', 'is not', null)
    .orderBy('received_at', 'desc').limit(limit).execute() as Promise<Array<{ code: string; category: string; status: string; public_lat: number; public_lng: number }>>;
}
