import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Page and API routes declare their query string (`schema.querystring`, see ./query.ts) and read
// the typed `req.query`; a cast such as `req.query as Record<string, string>` skips the validation.
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CAST = /\b(?:req|request|r)\.query\s+as\b|\(\s*(?:req|request)\.query\s+as\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'static' ? [] : files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

it('no source file casts req.query: routes declare a querystring schema instead', () => {
  const casts = files(SRC).flatMap((f) => readFileSync(f, 'utf8').split('\n')
    .flatMap((line, i) => (CAST.test(line) ? [`${path.relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])));
  expect(casts).toEqual([]);
});
