import { afterAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/core/embedded-postgres.js';

// Defect 3 / guarantee "database outage" with the embedded server (issue 11): kill -9 of the
// postmaster → requests answer 503, the server's supervisor restarts PostgreSQL (logged), the pools
// reconnect, and the app answers again without being restarted.
const dir = mkdtempSync(path.join(os.tmpdir(), 'tt-pgkill-'));
chmodSync(dir, 0o755);
let server: ChildProcess | null = null;
let out = '';
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(fn: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fn().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

test('kill -9 of the embedded PostgreSQL: 503 meanwhile, restarted by the server, answers again', { timeout: 180_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = spawn('node', ['bin/thanthien.js', 'start'], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), THANTHIEN_DEMO: '0', THANTHIEN_MODULES: 'none', THANTHIEN_JOBS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => { out += d; });
  server.stderr!.on('data', (d) => { out += d; });
  expect(await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200, 120_000), out).toBe(true);
  const login = () => fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'khong-dung-2026' }) });
  expect((await login()).status).toBe(401);

  const pid = Number(readFileSync(path.join(dir, 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  expect(await waitFor(async () => (await login()).status === 503, 10_000), out).toBe(true);
  const down = await login();
  if (down.status === 503) expect((await down.json()).error.code).toBe('database_unavailable');

  expect(await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200, 60_000), out).toBe(true);
  expect((await login()).status).toBe(401);
  expect(server.exitCode).toBeNull();
  expect(out).toMatch(/stopped unexpectedly; restarting/);
  expect(out).toMatch(/PostgreSQL restarted/);
});
