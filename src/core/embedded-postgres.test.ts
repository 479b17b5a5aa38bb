import { expect, test } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { liveCluster } from './embedded-postgres.js';

const log = { info: () => {}, warn: () => {}, debug: () => {} };

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
