import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// "SQL stays in repo files" (docs/architecture.md): route and view files call a repo or service;
// they never build a query themselves.
const SRC = join(import.meta.dirname, '..');
const ROUTE_OR_VIEW_NAME = /(^|-)(routes?|views?|pages?)([-.]|$)/;
const ROUTE_OR_VIEW_FOLDER = /(^|\/)(routes|views|pages)\//;
const QUERY = [
  { what: 'Kysely query builder', re: /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(/ },
  { what: 'sql tagged template', re: /\bsql\s*(<[^`]*?>)?\s*`/ },
  { what: 'sql helper', re: /\bsql\.(raw|ref|lit|id|join|table|val)\s*\(/ },
  { what: 'raw query', re: /\.query\s*\(/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

export function isRouteOrView(relPath: string): boolean {
  const posix = relPath.split(sep).join('/');
  return ROUTE_OR_VIEW_NAME.test(basename(posix).replace(/\.tsx?$/, '')) || ROUTE_OR_VIEW_FOLDER.test(posix);
}

/** Each query as "line: kind"; a pattern may span lines (a multi-line `sql<{ ... }>` type argument). */
export function queriesIn(text: string): string[] {
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  return QUERY.flatMap((q) => [...text.matchAll(new RegExp(q.re.source, 'g'))].map((m) => `${lineAt(m.index)}: ${q.what}`));
}

describe('SQL placement', () => {
  it('recognises route and view files by name or folder', () => {
    expect(isRouteOrView('modules/community/routes-api.ts')).toBe(true);
    expect(isRouteOrView('core/admin/audit-routes.tsx')).toBe(true);
    expect(isRouteOrView('modules/feedback/public-view.ts')).toBe(true);
    expect(isRouteOrView('modules/leadership/routes/cases.tsx')).toBe(true);
    expect(isRouteOrView('modules/centre/views/board.tsx')).toBe(true);
    expect(isRouteOrView('modules/community/households/repo.ts')).toBe(false);
    expect(isRouteOrView('modules/outreach/repo-letters.ts')).toBe(false);
  });

  it('recognises queries', () => {
    expect(queriesIn("await trx.selectFrom('x').selectAll()")).toHaveLength(1);
    expect(queriesIn('await sql`update users set a = 1`.execute(db)')).toHaveLength(1);
    expect(queriesIn('const { rows } = await sql<{ n: number }>`select 1`.execute(db)')).toHaveLength(1);
    expect(queriesIn('const s = await sql<{ a: string; b: number }>`\n  select 1`.execute(trx);')).toHaveLength(1);
    expect(queriesIn('const page = pageParam(req.query);')).toHaveLength(0);
  });

  it('no route or view file holds SQL', () => {
    const offenders = sourceFiles(SRC).map((f) => relative(SRC, f)).filter(isRouteOrView)
      .flatMap((f) => queriesIn(readFileSync(join(SRC, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(offenders).toEqual([]);
  });
});
