import type { Trx } from '../context.js';

export interface BranchRow { organisation: string; leader_name: string; leader_phone: string | null }

/** Group code by group id (the API names groups by code). */
export async function groupCodes(trx: Trx): Promise<Map<string, string>> {
  const groups = await trx.selectFrom('residential_groups').select(['id', 'code']).execute() as { id: string; code: string }[];
  return new Map(groups.map((g) => [g.id, g.code]));
}

export async function groupHeadIds(trx: Trx, groupId: string): Promise<string[]> {
  const heads = await trx.selectFrom('community_group_heads').select('user_id').where('group_id', '=', groupId)
    .execute() as { user_id: string }[];
  return heads.map((h) => h.user_id);
}

export function listBranches(trx: Trx, groupId: string): Promise<BranchRow[]> {
  return trx.selectFrom('community_branches').select(['organisation', 'leader_name', 'leader_phone'])
    .where('group_id', '=', groupId).execute() as Promise<BranchRow[]>;
}

export async function addGroupHead(trx: Trx, unitId: string, groupId: string, userId: string): Promise<void> {
  await trx.insertInto('community_group_heads').values({ unit_id: unitId, group_id: groupId, user_id: userId })
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function saveBranch(trx: Trx, unitId: string, groupId: string, b: BranchRow): Promise<void> {
  await trx.insertInto('community_branches').values({ unit_id: unitId, group_id: groupId, organisation: b.organisation,
    leader_name: b.leader_name, leader_phone: b.leader_phone })
    .onConflict((oc) => oc.columns(['unit_id', 'group_id', 'organisation'])
      .doUpdateSet({ leader_name: b.leader_name, leader_phone: b.leader_phone })).execute();
}
