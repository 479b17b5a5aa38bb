// The real server (`node bin/thanthien.js start`) as a child process, for the reliability tests
// that kill it: start, wait until it serves, kill, restart on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { deriveSecret } from '../../src/core/secrets.js';

export interface AppProcess {
  child: ChildProcess;
  url: string;
  /** Resolves once the server prints that it is running; rejects if it exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

/** A temporary data folder that the `postgres` system user can enter (when run as root). */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export function startAppProcess(opts: { dataDir: string; port: number; env?: NodeJS.ProcessEnv }): AppProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: opts.dataDir, PORT: String(opts.port), HOST: '127.0.0.1',
    THANTHIEN_RATE_LIMIT: 'off', THANTHIEN_JOBS: 'off', THANTHIEN_QUEUE_HOURS: 'off', ...opts.env,
  };
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn('node', ['bin/thanthien.js', 'start'], { env, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => { out += d.toString(); if (out.includes('đang chạy tại')) resolve(); };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`start exited (${code}):\n${out}`)));
  });
  ready.catch(() => undefined);
  return { child, url: `http://127.0.0.1:${opts.port}`, ready, exited, output: () => out };
}

/** SIGKILL, then wait for the exit. */
export async function killHard(p: AppProcess): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await p.exited;
}

/** Ctrl-C equivalent (stops PostgreSQL too when this server owns it). */
export async function stopGracefully(p: AppProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const force = setTimeout(() => p.child.kill('SIGKILL'), 50_000);
  await p.exited;
  clearTimeout(force);
}

/** pid and port of the embedded postmaster (postmaster.pid: line 1 pid, line 4 port). */
export function postmasterOf(dataDir: string): { pid: number; port: number } {
  const lines = readFileSync(path.join(dataDir, 'db', 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** An owner connection to the embedded cluster of `dataDir` (the password is derived from its secret). */
export async function ownerClient(dataDir: string): Promise<pg.Client> {
  const { port } = postmasterOf(dataDir);
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: deriveSecret(dataDir, 'role:owner'), database: 'thanthien' });
  await c.connect();
  return c;
}

export async function waitFor(fn: () => Promise<boolean>, ms: number, stepMs = 200): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fn().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
