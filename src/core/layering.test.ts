import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One direction between the layers: lib ← web ← core ← modules. `src/web` is the design system
// (layout, components, assets, rendering): it imports nothing from core or the modules. What a page
// needs from core (language, unit, principal, navigation) it reads from the request core decorated.
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'static' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative import targets of a file (static `import … from`, `export … from` and `import()`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return found.map((spec) => path.relative(SRC, path.resolve(path.dirname(file), spec)));
}

/** `file → target` for every import from `layer` into one of `forbidden`. */
export function crossings(layer: string, forbidden: string[]): string[] {
  return sourceFiles(path.join(SRC, layer)).flatMap((file) => importsOf(file)
    .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}${path.sep}`)))
    .map((target) => `${path.relative(SRC, file)} → ${target}`));
}

describe('layering', () => {
  it('src/web imports nothing from src/core or src/modules', () => {
    expect(crossings('web', ['core', 'modules'])).toEqual([]);
  });

  it('src/lib imports nothing from web, core or modules', () => {
    expect(crossings('lib', ['web', 'core', 'modules'])).toEqual([]);
  });

  it('src/core imports no module', () => {
    expect(crossings('core', ['modules'])).toEqual([]);
  });

  it('the scan sees imports (core does import web)', () => {
    expect(crossings('core', ['web']).length).toBeGreaterThan(0);
  });
});
