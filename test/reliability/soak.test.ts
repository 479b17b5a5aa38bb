import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);

// Guarantee "soak" (issue 11), short form: bench/soak.ts --short (30 s of mixed load on the real
// server) must exit 0 — RSS growth under 30 % after the warm-up (10 % in the long run), p99 not doubled, no 5xx. The
// 10-minute run is `npx tsx bench/soak.ts` (figures in the report / docs).
async function shortSoak(): Promise<{ r: Record<string, any>; line: string; code: number }> {
  let stdout = '';
  let code = 0;
  try {
    ({ stdout } = await run('npx', ['tsx', 'bench/soak.ts', '--short'], { cwd: process.cwd(), maxBuffer: 10 * 1024 * 1024 }));
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    stdout = e.stdout ?? '';
    code = e.code ?? 1;
    console.error(e.stderr);
  }
  const line = stdout.trim().split('\n').at(-1) ?? '';
  console.log(line);
  return { r: JSON.parse(line) as Record<string, any>, line, code };
}

// In 30 s a young server's heap is still settling: with the rest of the suite loading both cores, RSS
// once swung +31 % without a leak (a quiet run: -0.2 %; 64 KB kept per request: +42 %). A run failing on
// RSS alone is run once more; a leak fails both, a swing does not repeat. Server errors fail at once.
test('soak, short form: memory and latency stable, no server error', { timeout: 600_000 }, async () => {
  let { r, line, code } = await shortSoak();
  expect(r, line).toMatchObject({ errors: 0, client_errors: 0 });
  if (!r.ok && r.failures.every((f: string) => f.startsWith('RSS grew'))) ({ r, line, code } = await shortSoak());
  expect(r, line).toMatchObject({ ok: true, errors: 0, client_errors: 0 });
  expect(r.requests).toBeGreaterThan(50);
  // The 10-minute run (npm run test:reliability / bench) holds the 10 % limit; 30 s only catches gross leaks.
  expect(r.rss_growth_pct).toBeLessThan(30);
  expect(code).toBe(0);
});
