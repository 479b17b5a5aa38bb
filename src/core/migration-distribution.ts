import { sql, type Kysely } from 'kysely';

/**
 * Distribution keys (Citus) for tables created with a surrogate `id uuid primary key`: the unit goes in front of
 * every key and every foreign key between tenant tables carries it on both sides (co-located joins), so a
 * distributed database can shard all of a unit's rows together (docs/scaling.md).
 */

/** A foreign key `child.column → parent(id)` that becomes `(unit_id, column) → parent (unit_id, id)`. */
export interface UnitLink {
  child: string;
  column: string;
  parent: string;
  /** `on delete cascade` as before (otherwise no action, as before). */
  cascade?: boolean;
  /** The constraint's name, when it is not Postgres's default `<child>_<column>_fkey`. */
  name?: string;
}

/** A constraint replaced by one with the unit in front: `drop constraint name, add <definition>`. */
export interface Rekey { table: string; drop: string; add: string }

export interface DistributionPlan {
  links: UnitLink[];
  /** Tables whose `primary key (id)` becomes `primary key (unit_id, id)`. */
  keyedById: string[];
  /** Other keys and uniques that gain the unit (primary keys on other columns, global uniques). */
  rekeys?: Rekey[];
  /** Foreign keys to `id` alone dropped without a successor (the child becomes a reference table); checked first too. */
  dropLinks?: UnitLink[];
}

const linkName = (l: UnitLink) => l.name ?? `${l.child}_${l.column}_fkey`;

/**
 * Checks that every child row sits in its parent's unit (throws naming the table otherwise, before anything
 * changes), drops the foreign keys to `id` alone, swaps the keys, then adds the co-located foreign keys.
 */
export async function distributeByUnit(db: Kysely<any>, plan: DistributionPlan): Promise<void> {
  const dropped = [...plan.links, ...plan.dropLinks ?? []];
  for (const l of dropped) await assertSameUnit(db, l);
  for (const l of dropped) await sql`alter table ${sql.id(l.child)} drop constraint ${sql.id(linkName(l))}`.execute(db);
  for (const table of plan.keyedById) await swapPrimaryKey(db, table);
  for (const r of plan.rekeys ?? []) {
    await sql`alter table ${sql.id(r.table)} drop constraint ${sql.id(r.drop)}, add ${sql.raw(r.add)}`.execute(db);
  }
  for (const l of plan.links) {
    await sql`alter table ${sql.id(l.child)} add constraint ${sql.id(linkName(l))}
      foreign key (unit_id, ${sql.id(l.column)}) references ${sql.id(l.parent)} (unit_id, id)
      ${sql.raw(l.cascade ? 'on delete cascade' : '')}`.execute(db);
  }
}

export async function swapPrimaryKey(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_pkey`)}, add primary key (unit_id, id)`.execute(db);
}

/** A row in another unit than its parent would break the co-located foreign key: stop and name it. */
export async function assertSameUnit(db: Kysely<any>, l: Pick<UnitLink, 'child' | 'column' | 'parent'>): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(l.child)} c
    join ${sql.id(l.parent)} p on p.id = c.${sql.id(l.column)} where p.unit_id <> c.unit_id`.execute(db);
  if (rows[0]!.n > 0) {
    throw new Error(`${l.child}: ${rows[0]!.n} row(s) have another unit_id than their ${l.parent} (${l.column}); `
      + 'fix them before the (unit_id, id) keys');
  }
}
