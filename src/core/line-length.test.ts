import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Lines stay under 140 characters (docs/architecture.md, module template). Files written before the
// rule keep at most the long lines they had (line-length-baseline.json, which may only shrink); a
// new file has none. After shortening lines, rewrite the baseline with UPDATE_LINE_BASELINE=1.
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX = 140;
const BASELINE = path.join(SRC, 'core/line-length-baseline.json');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'static' ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function longLines(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of files(SRC)) {
    const n = readFileSync(f, 'utf8').split('\n').filter((l) => [...l].length > MAX).length;
    if (n) counts[path.relative(SRC, f).split(path.sep).join('/')] = n;
  }
  return counts;
}

it(`no file has more lines over ${MAX} characters than its baseline (new files: none)`, () => {
  const now = longLines();
  const allowed = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  if (process.env.UPDATE_LINE_BASELINE) {
    const shrunk = Object.fromEntries(Object.entries(now).filter(([f, n]) => n <= (allowed[f] ?? 0)).sort());
    writeFileSync(BASELINE, `${JSON.stringify(shrunk, null, 1)}\n`);
  }
  const over = Object.entries(now).filter(([f, n]) => n > (allowed[f] ?? 0)).map(([f, n]) => `${f}: ${n} (allowed ${allowed[f] ?? 0})`);
  expect(over).toEqual([]);
});
