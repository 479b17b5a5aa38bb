import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { withUnit } from '../../src/core/tenancy.js';
import { audit, auditKeyFor, verifyAuditChain, writeAuditAnchor } from '../../src/core/audit.js';

// Defect 8 (issue 11): deleting the newest audit rows passed `audit verify`, and so did a row
// rewritten with its hash recomputed. Keyed hashes + anchors in the data folder detect both.
let t: TestApp;
const dataDir = inject('ttDataDir');
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const actor = (unitId: string) => ({ id: null, name: 'Kiểm thử', unitId, ip: '127.0.0.1' });
async function write(n: number, tag: string) {
  const unit = await t.unitId();
  for (let i = 0; i < n; i++) {
    await withUnit(t.appDb, unit, (trx) => audit(trx, actor(unit), { action: `test.${tag}`, entity: 'thing', entityId: i, after: { v: i } }));
  }
  return (await sql<{ id: number }>`select id from audit_log where action = ${`test.${tag}`} order by id`.execute(t.db)).rows.map((r) => Number(r.id));
}

test('rows are keyed: a row rewritten with a recomputed plain or wrongly keyed hash is caught', async () => {
  const ids = await write(4, 'rewrite');
  expect(await verifyAuditChain(t.db, { dataDir })).toMatchObject({ ok: true });
  const { rows } = await sql<{ keyed: boolean }>`select keyed from audit_log where id = ${ids[1]}`.execute(t.db);
  expect(rows[0].keyed).toBe(true);
  // The forger changes a row and recomputes its hash and every later link, without the key.
  const wrong = auditKeyFor('/tmp/not-the-data-dir-' + Date.now());
  await sql`update audit_log set after = '{"v": 42}' where id = ${ids[1]}`.execute(t.db);
  const all = (await sql<{ id: number }>`select id from audit_log where id >= ${ids[1]} order by id`.execute(t.db)).rows.map((r) => Number(r.id));
  for (const id of all) {
    await sql`update audit_log a set prev_hash = coalesce((select hash from audit_log p where p.id < a.id order by p.id desc limit 1), 'genesis') where id = ${id}`.execute(t.db);
    await sql`update audit_log a set hash = audit_row_hmac(${wrong.ipad}, ${wrong.opad}, a.prev_hash, a) where id = ${id}`.execute(t.db);
  }
  const r = await verifyAuditChain(t.db, { dataDir });
  expect(r.ok).toBe(false);
  expect(r.firstBadId).toBe(ids[1]);
  // … or downgrades it to an unkeyed row with a plain sha256 chain.
  for (const id of all) {
    await sql`update audit_log a set keyed = false, prev_hash = coalesce((select hash from audit_log p where p.id < a.id order by p.id desc limit 1), 'genesis') where id = ${id}`.execute(t.db);
    await sql`update audit_log a set hash = audit_row_hash(a.prev_hash, a) where id = ${id}`.execute(t.db);
  }
  expect((await verifyAuditChain(t.db, { dataDir })).ok).toBe(false);
  await sql`delete from audit_log where id >= ${ids[0]}`.execute(t.db); // clean up for the next test
});

test('cutting the newest rows off is caught by the anchor in the data folder', async () => {
  const ids = await write(5, 'cut');
  const anchor = await writeAuditAnchor(t.db, dataDir);
  expect(anchor?.id).toBe(ids[4]);
  expect((await verifyAuditChain(t.db, { dataDir })).ok).toBe(true);
  await sql`delete from audit_log where id >= ${ids[3]}`.execute(t.db);
  const r = await verifyAuditChain(t.db, { dataDir });
  expect(r.ok).toBe(false);
  expect(r.reason).toMatch(/bị cắt/);
});
