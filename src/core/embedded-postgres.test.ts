import { expect, test } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { liveCluster, liveServerOwner } from './embedded-postgres.js';

const log = { info: () => {}, warn: () => {}, debug: () => {} };

/** A live process whose command line looks like `postgres -D <dir>`. */
function fakePostgres(dir: string) {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'postgres', '-D', dir], { stdio: 'ignore' });
}

const started = (p: ReturnType<typeof spawn>) => new Promise<void>((r) => p.once('spawn', () => r()));

test('a postmaster.pid left by a crash is removed; a live one is kept', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tt-pid-'));
  try {
    const dead = spawnSync('true').pid!; // a process that has already exited
    writeFileSync(path.join(dir, 'postmaster.pid'), `${dead}\n${dir}\n1700000000\n54321\n`);
    expect(liveCluster(dir, log)).toBeNull();
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
    // A live process that is not postgres (this test runner) must not be mistaken for the server.
    writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n1700000000\n54321\n`);
    expect(liveCluster(dir, log)).toBeNull();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a live postgres counts only when its command line names this data folder', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tt-pid-'));
  const other = fakePostgres(path.join(os.tmpdir(), 'another-cluster'));
  const ours = fakePostgres(dir);
  try {
    await Promise.all([started(other), started(ours)]);
    writeFileSync(path.join(dir, 'postmaster.pid'), `${other.pid}\n${dir}\n1700000000\n54321\n`);
    expect(liveCluster(dir, log)).toBeNull(); // the pid now belongs to another cluster's postgres
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
    writeFileSync(path.join(dir, 'postmaster.pid'), `${ours.pid}\n${dir}\n1700000000\n54321\n`);
    expect(liveCluster(dir, log)).toEqual({ pid: ours.pid, port: 54321 });
  } finally {
    other.kill();
    ours.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server.pid names a live owner only while that very process runs', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tt-owner-'));
  const file = path.join(dir, 'server.pid');
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await started(child);
    expect(liveServerOwner(file)).toBeNull(); // no file
    const ticks = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
    writeFileSync(file, `${child.pid}\n${ticks}\n`);
    expect(liveServerOwner(file)).toBe(child.pid);
    writeFileSync(file, `${child.pid}\n${Number(ticks) - 1}\n`); // same pid, another process (reused)
    expect(liveServerOwner(file)).toBeNull();
    writeFileSync(file, `${spawnSync('true').pid}\n\n`);
    expect(liveServerOwner(file)).toBeNull(); // killed server
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
