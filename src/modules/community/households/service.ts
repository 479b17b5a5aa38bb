import { cccdHmac, encryptCccd, type CccdKeys } from './cccd-crypto.js';
import type { ValidHousehold } from './form.js';
import { householdKey } from './import.js';
import * as repo from './repo.js';
import type { Trx } from '../context.js';

export type SaveResult = { ok: true; id: string } | { ok: false; field: string; message: string };

function membersOf(keys: CccdKeys, h: ValidHousehold, keepHeadCccd: { enc: string | null; mac: string | null }): repo.NewMember[] {
  const head: repo.NewMember = {
    full_name: h.headName, is_head: true, birth_date: h.headBirthDate, sex: h.headSex,
    cccd_enc: h.headCccd ? encryptCccd(keys, h.headCccd) : keepHeadCccd.enc,
    cccd_hmac: h.headCccd ? cccdHmac(keys, h.headCccd) : keepHeadCccd.mac,
  };
  return [head, ...h.others.filter((n) => n !== h.headName).map((full_name) => ({ full_name, is_head: false }))];
}

/**
 * Creates (id null) or updates a household with its members. A household with the same group,
 * head and address, or a head whose CCCD is already registered elsewhere, is refused.
 */
export async function saveHousehold(trx: Trx, unitId: string, keys: CccdKeys, id: string | null, h: ValidHousehold,
  actorId: string | null): Promise<SaveResult> {
  const key = householdKey(h.groupId, h.headName, h.address);
  const same = await repo.findByKey(trx, key);
  if (same && same !== id) return { ok: false, field: 'head_name', message: 'Đã có hộ này (cùng tổ, chủ hộ và địa chỉ) trong danh sách.' };
  if (h.headCccd) {
    const holder = await repo.memberByCccd(trx, cccdHmac(keys, h.headCccd));
    if (holder && holder.household_id !== id) return { ok: false, field: 'head_cccd',
      message: 'Số CCCD này đã được đăng ký cho một hộ khác.' };
  }
  const app = { app_status: h.app.status, app_since: h.app.since, app_confirmed_by: h.app.status === 'confirmed' ? actorId : null };
  const fields = { group_id: h.groupId, head_name: h.headName, address: h.address, phone: h.phone, dedupe_key: key };
  if (!id) return { ok: true, id: await repo.insertHousehold(trx, unitId, { ...fields }, membersOf(keys, h, { enc: null,
    mac: null })).then(async (newId) => {
    await repo.updateHousehold(trx, newId, app);
    return newId;
  }) };
  const head = (await repo.listMembers(trx, id)).find((m) => m.is_head);
  const kept = await trx.selectFrom('community_members').select(['cccd_enc', 'cccd_hmac']).where('id', '=',
    head?.id ?? '00000000-0000-0000-0000-000000000000').executeTakeFirst();
  await repo.updateHousehold(trx, id, { ...fields, ...app });
  await repo.replaceMembers(trx, unitId, id, membersOf(keys, h, { enc: kept?.cccd_enc ?? null, mac: kept?.cccd_hmac ?? null }));
  return { ok: true, id };
}
