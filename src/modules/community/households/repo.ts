import { sql } from 'kysely';
import type { Trx } from '../context.js';

export interface HouseholdRow {
  id: string; unit_id: string; group_id: string; head_name: string; address: string; phone: string | null;
  app_status: 'none' | 'declared' | 'confirmed'; app_since: string | null; app_confirmed_by: string | null; updated_at: Date;
}
export interface MemberRow {
  id: string; household_id: string; position: number; full_name: string; is_head: boolean;
  birth_date: string | null; sex: 'Nam' | 'Nữ' | null; cccd_enc: string | null;
}
export interface GroupStats { id: string; code: string; name: string; head_name: string | null; head_phone: string | null; households: number; with_app: number }

const HOUSEHOLD_COLS = ['id', 'unit_id', 'group_id', 'head_name', 'address', 'phone', 'app_status',
  sql<string | null>`to_char(app_since, 'YYYY-MM-DD')`.as('app_since'), 'app_confirmed_by', 'updated_at'] as const;

/** Every group of the unit with its household count and households using the city app. */
export async function groupStats(trx: Trx): Promise<GroupStats[]> {
  const { rows } = await sql<GroupStats>`select g.id, g.code, g.name, g.head_name, g.head_phone,
      count(h.id)::int as households, count(h.id) filter (where h.app_status <> 'none')::int as with_app
    from residential_groups g left join community_households h on h.unit_id = g.unit_id and h.group_id = g.id
    group by g.unit_id, g.id order by g.code`.execute(trx);
  return rows;
}

export interface HouseholdFilter { groupId?: string; q?: string; limit: number; offset: number }

export async function listHouseholds(trx: Trx,
  f: HouseholdFilter): Promise<{ rows: (HouseholdRow & { members: number })[]; total: number }> {
  let q = trx.selectFrom('community_households as h');
  if (f.groupId) q = q.where('h.group_id', '=', f.groupId);
  if (f.q) q = q.where(sql<boolean>`unaccent(h.head_name || ' ' || h.address) ilike unaccent(${`%${f.q}%`})`);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n as number;
  const rows = await q.select(HOUSEHOLD_COLS.map((c) => (typeof c === 'string' ? `h.${c}` : c)) as never)
    .select(sql<number>`(select count(*)::int from community_members m where m.household_id = h.id)`.as('members'))
    .orderBy('h.group_id').orderBy('h.head_name').limit(f.limit).offset(f.offset).execute();
  return { rows: rows as never, total };
}

export const getHousehold = async (trx: Trx, id: string): Promise<HouseholdRow | undefined> =>
  trx.selectFrom('community_households').select(HOUSEHOLD_COLS as never).where('id', '=', id).executeTakeFirst() as never;

export const listMembers = (trx: Trx, householdId: string): Promise<MemberRow[]> =>
  trx.selectFrom('community_members').select(['id', 'household_id', 'position', 'full_name', 'is_head',
    sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date'), 'sex', 'cccd_enc'])
    .where('household_id', '=', householdId).orderBy('position').execute() as never;

export interface NewMember { full_name: string; is_head: boolean; birth_date?: string | null; sex?: string | null; cccd_enc?: string | null; cccd_hmac?: string | null }
export interface NewHousehold { group_id: string; head_name: string; address: string; phone: string | null; dedupe_key: string }

export async function insertHousehold(trx: Trx, unitId: string, h: NewHousehold, members: NewMember[]): Promise<string> {
  const { id } = await trx.insertInto('community_households').values({ ...h, unit_id: unitId }).returning('id').executeTakeFirstOrThrow();
  await replaceMembers(trx, unitId, id, members);
  return id;
}

export async function replaceMembers(trx: Trx, unitId: string, householdId: string, members: NewMember[]): Promise<void> {
  await trx.deleteFrom('community_members').where('household_id', '=', householdId).execute();
  if (!members.length) return;
  await trx.insertInto('community_members')
    .values(members.map((m, i) => ({ ...m, unit_id: unitId, household_id: householdId, position: i }))).execute();
}

export const updateHousehold = (trx: Trx, id: string, patch: Partial<NewHousehold & Pick<HouseholdRow,
  'app_status' | 'app_since' | 'app_confirmed_by'>>) =>
  trx.updateTable('community_households').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();

export async function findByKey(trx: Trx, key: string): Promise<string | null> {
  const r = await trx.selectFrom('community_households').select('id').where('dedupe_key', '=', key).executeTakeFirst();
  return r?.id ?? null;
}

export const allKeys = async (trx: Trx) =>
  new Set((await trx.selectFrom('community_households').select('dedupe_key').execute()).map((r: { dedupe_key: string }) => r.dedupe_key));

export const allCccdHmacs = async (trx: Trx) =>
  new Set((await trx.selectFrom('community_members').select('cccd_hmac').where('cccd_hmac', 'is not', null).execute())
    .map((r: { cccd_hmac: string }) => r.cccd_hmac));

/** The member holding this CCCD (by HMAC), if any. */
export const memberByCccd = (trx: Trx, mac: string) =>
  trx.selectFrom('community_members').select(['id', 'household_id']).where('cccd_hmac', '=',
    mac).executeTakeFirst() as Promise<{ id: string; household_id: string } | undefined>;

/** Households of the scope registered with this phone (for one-time codes). */
export const householdsByPhone = (trx: Trx, phone: string, groupId: string | null): Promise<HouseholdRow[]> => {
  let q = trx.selectFrom('community_households').select(HOUSEHOLD_COLS as never).where('phone', '=', phone);
  if (groupId) q = q.where('group_id', '=', groupId);
  return q.orderBy('created_at').execute() as never;
};

/** The households of a group by head's name, and their members (paper ballots list voters). */
export const householdsOfGroup = (trx: Trx, groupId: string) =>
  trx.selectFrom('community_households').select(['id', 'head_name', 'address']).where('group_id', '=', groupId)
    .orderBy('head_name').execute() as Promise<{ id: string; head_name: string; address: string }[]>;

export const membersOfHouseholds = (trx: Trx, householdIds: string[]) =>
  trx.selectFrom('community_members').select(['id', 'household_id', 'full_name'])
    .where('household_id', 'in', householdIds.length ? householdIds : ['00000000-0000-0000-0000-000000000000']).orderBy('full_name')
    .execute() as Promise<{ id: string; household_id: string; full_name: string }[]>;

export const householdGroupOf = (trx: Trx, id: string) =>
  trx.selectFrom('community_households').select(['id', 'group_id']).where('id', '=', id).executeTakeFirst();
