import { sql, type Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { distributeByUnit } from './migration-distribution.js';

const app = useTestApp();

/** Two throw-away tables keyed by `id` alone, like the older modules' tables, inside a rolled-back transaction. */
async function withTables(run: (trx: Transaction<any>) => Promise<void>) {
  const rollback = new Error('rollback');
  await app().db.transaction().execute(async (trx) => {
    await sql`create temp table dk_parent (id uuid primary key default gen_random_uuid(), unit_id uuid not null,
      code text not null unique)`.execute(trx);
    await sql`create temp table dk_child (id uuid primary key default gen_random_uuid(), unit_id uuid not null,
      parent_id uuid not null references dk_parent (id) on delete cascade)`.execute(trx);
    await run(trx);
    throw rollback;
  }).catch((e: unknown) => { if (e !== rollback) throw e; });
}

const plan = {
  links: [{ child: 'dk_child', column: 'parent_id', parent: 'dk_parent', cascade: true }],
  keyedById: ['dk_parent', 'dk_child'],
  rekeys: [{ table: 'dk_parent', drop: 'dk_parent_code_key', add: 'unique (unit_id, code)' }],
};
const [unitA, unitB] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];

it('keys become (unit_id, id), uniques gain the unit, and a child of another unit than its parent is refused', async () => {
  await withTables(async (trx) => {
    const { rows: [p] } = await sql<{ id: string }>`insert into dk_parent (unit_id, code) values (${unitA}, 'X') returning id`.execute(trx);
    await sql`insert into dk_child (unit_id, parent_id) values (${unitA}, ${p.id})`.execute(trx);
    await distributeByUnit(trx, plan);
    const { rows: keys } = await sql<{ conname: string; def: string }>`select conname, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid in ('dk_parent'::regclass, 'dk_child'::regclass) and contype in ('p', 'u', 'f') order by conname`.execute(trx);
    expect(keys.map((k) => `${k.conname}: ${k.def}`)).toEqual([
      'dk_child_parent_id_fkey: FOREIGN KEY (unit_id, parent_id) REFERENCES dk_parent(unit_id, id) ON DELETE CASCADE',
      'dk_child_pkey: PRIMARY KEY (unit_id, id)',
      'dk_parent_pkey: PRIMARY KEY (unit_id, id)',
      'dk_parent_unit_id_code_key: UNIQUE (unit_id, code)',
    ]);
    await sql`savepoint s`.execute(trx);
    await expect(sql`insert into dk_child (unit_id, parent_id) values (${unitB}, ${p.id})`.execute(trx)).rejects.toThrow(/dk_child_parent_id_fkey/);
    await sql`rollback to savepoint s`.execute(trx);
    // The same code in another unit is now allowed; cascade still works.
    await sql`insert into dk_parent (unit_id, code) values (${unitB}, 'X')`.execute(trx);
    await sql`delete from dk_parent where id = ${p.id}`.execute(trx);
    expect((await sql`select 1 from dk_child`.execute(trx)).rows).toHaveLength(0);
  });
});

it('stops before changing anything and names the table when a child sits in another unit than its parent', async () => {
  await withTables(async (trx) => {
    const { rows: [p] } = await sql<{ id: string }>`insert into dk_parent (unit_id, code) values (${unitA}, 'X') returning id`.execute(trx);
    await sql`insert into dk_child (unit_id, parent_id) values (${unitB}, ${p.id})`.execute(trx);
    await expect(distributeByUnit(trx, plan)).rejects.toThrow(/^dk_child: 1 row\(s\) have another unit_id than their dk_parent \(parent_id\)/);
    const { rows } = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'dk_child'::regclass and contype = 'p'`.execute(trx);
    expect(rows[0].def).toBe('PRIMARY KEY (id)');
  });
});
