import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../helpers/app.js';

/**
 * Distributed-engine readiness (Citus): every tenant table (a table with `unit_id`) can be distributed by
 * `unit_id` — its primary key and every unique constraint or index include `unit_id`, `unit_id` is NOT NULL, and
 * every foreign key to another tenant table includes `unit_id` on both sides (co-located join). The other
 * tables are reference tables (copied to every node), listed here; a reference table may not point at a
 * tenant table. Deliberate exceptions are listed with their reason (docs/scaling.md).
 */
export const REFERENCE_TABLES: Record<string, string> = {
  units: 'the administrative units themselves (the distribution key\'s table)',
  reference_procedures: 'the national procedure catalogue every unit copies from',
  users: 'staff accounts: looked up by username at login before the unit is known; ~30 per unit (100k rows for 3,321 communes)',
  user_roles: 'roles of an account, read with users at login',
  sessions: 'sign-in sessions, looked up by token hash before the unit is known',
  password_tokens: 'password-reset tokens, looked up by hash before the unit is known',
  login_attempts: 'per-account and per-address throttle of sign-ins, before the unit is known',
  api_tokens: 'bearer tokens, looked up by hash before the unit is known',
  dossier_codes: 'dossier code → deciding and receiving unit, nothing personal: citizens track a dossier by its code alone; keeps codes unique across units',
  feedback_codes: 'feedback code → unit, nothing personal: citizens track an item by its code alone; keeps codes unique across units',
  departments: 'a unit\'s departments (a dozen rows), pointed at by users (a reference table) and read by every module',
  community_poll_units: 'community poll id → unit, nothing else: POST /api/v1/polls/{id}/votes names no unit (one row per poll)',
};

/**
 * Tables still using a surrogate `id uuid primary key` from before the Citus rule (docs/scaling.md,
 * "Distribution backlog"): empty since dossiers and feedback moved. A problem on a listed table would be
 * tolerated; a listed table with no problem left fails the test, so the list can only shrink.
 */
export const SURROGATE_KEY_BACKLOG: string[] = [];

/** Other exceptions (a table or `table.constraint`), with the reason. Keep it short. */
export const EXCEPTIONS: Record<string, string> = {
  audit_log: 'one keyed hash chain over every unit (tamper evidence); rows of platform events have no unit. On Citus: one chain per unit',
  outbox: 'emails and events, delivered then pruned (a small queue): a reference table; platform mails have no unit',
};

const app = useTestApp();

interface Constraint { table: string; name: string; type: 'p' | 'u' | 'f'; columns: string[]; ref_table: string | null; ref_columns: string[] | null }

it('every tenant table can be distributed by unit_id; shared tables are reference tables', async () => {
  const t = app();
  const { rows: tables } = await sql<{ table: string; has_unit: boolean; unit_not_null: boolean }>`
    select c.relname as table,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'unit_id' and not a.attisdropped) as has_unit,
      coalesce((select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'unit_id' and not a.attisdropped), false) as unit_not_null
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname not like 'kysely_%'
    order by 1`.execute(t.db);
  const { rows: constraints } = await sql<Constraint>`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
      case when c.contype = 'f' then c.confrelid::regclass::text end as ref_table,
      case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) end
        as ref_columns
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype in ('p', 'u', 'f')`.execute(t.db);
  // Unique indexes that are not constraints (e.g. partial or expression indexes).
  const { rows: uniqueIndexes } = await sql<{ table: string; name: string; columns: string[] }>`
    select i.indrelid::regclass::text as table, ic.relname as name,
      array(select a.attname::text from unnest(i.indkey::int2[]) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k) as columns
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
    where n.nspname = 'public' and i.indisunique and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(t.db);

  const tenant = new Set(tables.filter((x) => x.has_unit && !(x.table in REFERENCE_TABLES)).map((x) => x.table));
  const problems: string[] = [];
  const backlogHit = new Set<string>();
  const flag = (subject: string, what: string, ...tablesInvolved: string[]) => {
    if (subject in EXCEPTIONS) return;
    const listed = tablesInvolved.find((x) => SURROGATE_KEY_BACKLOG.includes(x));
    if (listed) { backlogHit.add(listed); return; }
    problems.push(`${subject}: ${what}`);
  };

  for (const x of tables) {
    if (x.has_unit) {
      if (!x.unit_not_null && !(x.table in REFERENCE_TABLES)) flag(x.table, 'unit_id may be NULL (a distribution column must not)', x.table);
    } else if (!(x.table in REFERENCE_TABLES)) {
      problems.push(`${x.table}: no unit_id and not listed as a reference table`);
    }
  }
  for (const c of constraints) {
    if (!tenant.has(c.table)) {
      if (c.type === 'f' && tenant.has(c.ref_table!)) flag(`${c.table}.${c.name}`, `reference table points at tenant table ${c.ref_table}`, c.ref_table!);
      continue;
    }
    if (c.type === 'p' && !c.columns.includes('unit_id')) flag(c.table, `primary key (${c.columns}) lacks unit_id`, c.table);
    if (c.type === 'u' && !c.columns.includes('unit_id')) flag(`${c.table}.${c.name}`, `unique (${c.columns}) lacks unit_id`, c.table);
    if (c.type === 'f' && tenant.has(c.ref_table!)) {
      const i = c.columns.indexOf('unit_id');
      if (i < 0 || c.ref_columns![i] !== 'unit_id') flag(`${c.table}.${c.name}`, `foreign key (${c.columns}) → ${c.ref_table}(${c.ref_columns}) lacks unit_id on both sides`,
        c.table, c.ref_table!);
    }
  }
  for (const u of uniqueIndexes) {
    if (tenant.has(u.table) && !u.columns.includes('unit_id')) flag(`${u.table}.${u.name}`, `unique index (${u.columns}) lacks unit_id`, u.table);
  }
  // The lists stay honest: every listed name still exists.
  const names = new Set([...tables.map((x) => x.table), ...constraints.map((c) => `${c.table}.${c.name}`), ...uniqueIndexes.map((u) => `${u.table}.${u.name}`)]);
  expect([...Object.keys(REFERENCE_TABLES), ...Object.keys(EXCEPTIONS)].filter((n) => !names.has(n))).toEqual([]);
  expect(problems).toEqual([]);
  expect(SURROGATE_KEY_BACKLOG.filter((x) => !backlogHit.has(x)), 'fixed tables leave the backlog').toEqual([]);
  expect(tenant.size).toBeGreaterThan(40);
});
