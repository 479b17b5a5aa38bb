// Runs every benchmark in this folder one after another (each in its own process, so one's
// database and load do not disturb the next) and prints one JSON object keyed by benchmark name.
// Usage: npm run bench [-- name ...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const skip = new Set(['lib', 'run-all', 'search-catalogue']); // helpers, not benchmarks
const all = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.startsWith('.')).map((f) => f.slice(0, -3)).filter((n) => !skip.has(n)).sort();
const wanted = process.argv.slice(2);
const names = wanted.length ? all.filter((n) => wanted.includes(n)) : all;

const results: Record<string, unknown> = {};
for (const name of names) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lastJson = run.stdout.trim().split('\n').reverse().find((line) => line.startsWith('{'));
  try {
    results[name] = run.status === 0 && lastJson ? JSON.parse(lastJson) : { error: `exit ${run.status}`, stderr: run.stderr.slice(-2000) };
  } catch {
    results[name] = { error: 'output is not JSON', stdout: run.stdout.slice(-2000) };
  }
  process.stderr.write(`${name}: done\n`);
}
console.log(JSON.stringify(results, null, 2));
