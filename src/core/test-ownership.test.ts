import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A test writes only the tables of its own module (and the core's): another module's records come
// from that module's `test-support.ts` fixtures (docs/architecture.md, "Module layout").
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORE = 'core';
const SELF = fileURLToPath(import.meta.url);

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'static' ? [] : filesUnder(p, keep);
    return keep(e.name) ? [p] : [];
  });
}

const NAME = '"?([a-z_][a-z0-9_]*)"?';
/**
 * Tables a migration creates: `create table t`, `createTenantTable(db, 't'…)`, `createUnitTable(db, 't'…)`,
 * a local `create('t', …)`.
 */
const CREATES = [
  new RegExp(`\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?${NAME}`, 'gi'),
  /\bcreate(?:Tenant|Unit)Table\(\s*\w+\s*,\s*['"]([a-z_][a-z0-9_]*)['"]/g,
  /\bcreate\(\s*['"]([a-z_][a-z0-9_]*)['"]\s*,/g,
];

/** [table, module] for every table a migration creates ('core' for src/core/migrations). */
function creations(): [string, string][] {
  const found: [string, string][] = [];
  const add = (dir: string, owner: string) => {
    for (const file of filesUnder(dir, (n) => /\.ts$/.test(n) && !/\.test\.ts$/.test(n))) {
      const text = readFileSync(file, 'utf8');
      for (const re of CREATES) for (const m of text.matchAll(re)) found.push([m[1]!.toLowerCase(), owner]);
    }
  };
  add(path.join(SRC, 'core', 'migrations'), CORE);
  for (const m of readdirSync(path.join(SRC, 'modules'), { withFileTypes: true })) {
    if (m.isDirectory() && readdirSync(path.join(SRC, 'modules', m.name)).includes('migrations')) {
      add(path.join(SRC, 'modules', m.name, 'migrations'), m.name);
    }
  }
  return found;
}

/** table → owning module. */
export function tableOwners(): Map<string, string> {
  return new Map(creations());
}

/** Writes in a test's text: Kysely `insertInto/updateTable/deleteFrom('t')` and raw `insert into t`, `update t set`, `delete from t`. */
const WRITES = [
  /\b(?:insertInto|updateTable|deleteFrom)\(\s*['"`]([a-z_][a-z0-9_]*)/g,
  new RegExp(`\\binsert\\s+into\\s+${NAME}`, 'gi'),
  new RegExp(`\\bupdate\\s+${NAME}(?:\\s+(?:as\\s+)?[a-z_]+)?\\s+set\\b`, 'gi'),
  new RegExp(`\\bdelete\\s+from\\s+${NAME}`, 'gi'),
];

export function tablesWritten(text: string): string[] {
  return [...new Set(WRITES.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!.toLowerCase())))];
}

/** The module a file belongs to: `src/modules/<m>/…` → m; anything else under src → core. */
const moduleOf = (rel: string) => /^modules[\\/]([^\\/]+)[\\/]/.exec(rel)?.[1] ?? CORE;

/** `file: table` for every test that writes a table created by another module's migrations. */
export function foreignWrites(): string[] {
  const owners = tableOwners();
  return filesUnder(SRC, (n) => /\.test\.tsx?$/.test(n)).filter((f) => f !== SELF).flatMap((file) => {
    const rel = path.relative(SRC, file);
    const own = moduleOf(rel);
    return tablesWritten(readFileSync(file, 'utf8'))
      .filter((table) => { const owner = owners.get(table); return owner !== undefined && owner !== CORE && owner !== own; })
      .map((table) => `${rel.split(path.sep).join('/')}: ${table} (${owners.get(table)})`);
  }).sort();
}

describe('tests write only their own module’s tables', () => {
  it('the migrations scan finds each module’s tables and the core’s', () => {
    const owners = tableOwners();
    expect(owners.get('units')).toBe(CORE);
    expect(owners.get('dossiers')).toBe('dossiers');
    expect(owners.get('calendar_settings')).toBe('calendar');
    expect(owners.get('calendar_overrides')).toBe('calendar');
    expect(owners.get('leadership_cases')).toBe('leadership');
    expect(owners.get('published_items')).toBe('transparency');
    const twice = creations().filter(([table, owner]) => owners.get(table) !== owner);
    expect(twice, 'a table created by two modules').toEqual([]);
  });

  it('the write scan sees Kysely and raw SQL writes, not reads', () => {
    expect(tablesWritten(`t.db.insertInto('feedback').values({}); db.updateTable("dossiers"); trx.deleteFrom('centre_tickets')`))
      .toEqual(['feedback', 'dossiers', 'centre_tickets']);
    const raw = 'sql`insert into centre_ratings (a) values (1)`; sql`update published_items set x = 1`;'
      + ' sql`DELETE FROM calendar_overrides`';
    expect(tablesWritten(raw)).toEqual(['centre_ratings', 'published_items', 'calendar_overrides']);
    expect(tablesWritten("sql`select * from dossiers`; db.selectFrom('feedback')")).toEqual([]);
  });

  it('no test writes a table of another module (use that module’s test-support.ts)', () => {
    expect(foreignWrites()).toEqual([]);
  });
});
