import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.js';
import { up } from '../migrations/0007-distribution-keys.js';

const app = useTestApp();

/** The demo ward and another ward of the city. */
const twoUnits = async (): Promise<[string, string]> => [await app().unitId(), await app().unitId('nguyen-trai')];

async function anItem(unitId: string): Promise<{ id: string; code: string }> {
  const { rows } = await sql<{ id: string; code: string }>`select f.id, f.code from feedback f
    where f.unit_id = ${unitId} and exists (select 1 from feedback_events e where e.feedback_id = f.id) limit 1`.execute(app().db);
  return rows[0];
}

it('an event, photo or outgoing reply cannot point at an item of another unit (co-located foreign keys)', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const item = await anItem(unitId);
  await expect(sql`insert into feedback_events (unit_id, feedback_id, action) values (${other}, ${item.id}, 'note')`.execute(t.db))
    .rejects.toThrow(/feedback_events_feedback_id_fkey/);
  await expect(sql`insert into feedback_outbound (unit_id, feedback_id, channel, recipient, body)
    values (${other}, ${item.id}, 'sms', '0912000111', 'Trả lời')`.execute(t.db)).rejects.toThrow(/feedback_outbound_feedback_id_fkey/);
  await sql`insert into feedback_events (unit_id, feedback_id, action, is_public)
      values (${unitId}, ${item.id}, 'note', false)`.execute(t.db);
});

it('a feedback code is unique per unit in feedback and across units in feedback_codes', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const item = await anItem(unitId);
  await expect(sql`insert into feedback_codes (code, unit_id)
      values (${item.code}, ${other})`.execute(t.db)).rejects.toThrow(/feedback_codes_pkey/);
  await expect(sql`insert into feedback (unit_id, code, category, channel, content, due_date)
    values (${unitId}, ${item.code}, 'other', 'web', 'Trùng mã', current_date)`.execute(t.db)).rejects.toThrow(/feedback_unit_code_key/);
});

it('the migration stops and names the table when an event sits in another unit than its item', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const item = await anItem(unitId);
  await expect(t.db.transaction().execute(async (trx) => {
    await sql`alter table feedback_events drop constraint feedback_events_feedback_id_fkey`.execute(trx);
    await sql`update feedback_events set unit_id = ${other} where id = (select id from feedback_events
        where feedback_id = ${item.id} limit 1)`.execute(trx);
    await up(trx);
  })).rejects.toThrow(/^feedback_events: 1 row\(s\) have another unit_id than their feedback item/);
  const { rows } = await sql`select 1 from pg_constraint where conname = 'feedback_events_feedback_id_fkey'`.execute(t.db);
  expect(rows).toHaveLength(1);
});
