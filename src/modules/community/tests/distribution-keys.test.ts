import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.js';
import { up } from '../migrations/0002-distribution-keys.js';
import { addHousehold, groupIds } from './support.js';

const app = useTestApp();

async function otherUnit(unitId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from units where id <> ${unitId} and type <> 'city' order by slug limit 1`.execute(app().db);
  return rows[0].id;
}

it('a household, a poll or a ballot cannot point at a parent of another unit (co-located foreign keys)', async () => {
  const t = app();
  const unitId = await t.unitId();
  const other = await otherUnit(unitId);
  const [groupId] = Object.values(await groupIds(t));
  await expect(sql`insert into community_households (unit_id, group_id, head_name, address, dedupe_key)
    values (${other}, ${groupId}, 'Lê Văn Thử', 'Số 1', 'distribution-test')`.execute(t.db)).rejects.toThrow(/community_households_group_id_fkey/);
  const { rows: [poll] } = await sql<{ id: string }>`select id from community_polls where unit_id = ${unitId} limit 1`.execute(t.db);
  await expect(sql`insert into community_poll_options (unit_id, poll_id, position, label) values (${other}, ${poll.id}, 99, 'Khác')`.execute(t.db))
    .rejects.toThrow(/community_poll_options_poll_id_fkey/);
  // Same unit: accepted, and deleting the household still cascades to its members.
  const household = await addHousehold(t, groupId, 'Trần Thị Thử', null, ['Trần Văn Con']);
  await sql`delete from community_households where id = ${household}`.execute(t.db);
  expect((await sql`select 1 from community_members where household_id = ${household}`.execute(t.db)).rows).toHaveLength(0);
});

it('the migration stops and names the table when a row sits in another unit than its parent', async () => {
  const t = app();
  const [groupId] = Object.values(await groupIds(t));
  const household = await addHousehold(t, groupId, 'Phạm Văn Lệch', null);
  const other = await otherUnit(await t.unitId());
  await expect(t.db.transaction().execute(async (trx) => {
    await sql`alter table community_members drop constraint community_members_household_id_fkey`.execute(trx);
    await sql`update community_members set unit_id = ${other} where household_id = ${household}`.execute(trx);
    await up(trx);
  })).rejects.toThrow(/^community_members: 1 row\(s\) have another unit_id than their community_households/);
  // Rolled back: the key is still there.
  const { rows } = await sql`select 1 from pg_constraint where conname = 'community_members_household_id_fkey'`.execute(t.db);
  expect(rows).toHaveLength(1);
});
