import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { withUnit } from './tenancy.js';
import { audit, verifyAuditChain } from './audit.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const actor = (unitId: string) => ({ id: null, name: 'Kiểm thử', unitId, ip: '127.0.0.1' });

test('the chain verifies, and the first tampered row is reported', async () => {
  const unit = await t.unitId();
  for (let i = 0; i < 5; i++) {
    await withUnit(t.appDb, unit, (trx) => audit(trx, actor(unit), { action: 'test.write', entity: 'thing', entityId: i, before: { v: i }, after: { v: i + 1 } }));
  }
  expect((await verifyAuditChain(t.db)).ok).toBe(true);
  const { rows } = await sql<{ id: number }>`select id from audit_log where action = 'test.write' order by id`.execute(t.db);
  await sql`update audit_log set after = '{"v": 99}' where id = ${rows[2].id}`.execute(t.db);
  const r = await verifyAuditChain(t.db);
  expect(r.ok).toBe(false);
  expect(r.firstBadId).toBe(rows[2].id);
});

test('the app role cannot change or delete audit rows', async () => {
  const unit = await t.unitId();
  await expect(withUnit(t.appDb, unit, (trx) => sql`update audit_log set action = 'x'`.execute(trx))).rejects.toThrow(/permission denied/);
  await expect(withUnit(t.appDb, unit, (trx) => sql`delete from audit_log`.execute(trx))).rejects.toThrow(/permission denied/);
});
