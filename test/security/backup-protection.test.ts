import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { backupTo, restoreFrom } from '../../src/core/backup.js';

// Defect 5 (issue 11): backups were world-readable (0755/0644) though they hold password hashes,
// TOTP secrets, tokens and citizens' data; no way to encrypt them.
let t: TestApp;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tt-bk-'));
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); rmSync(tmp, { recursive: true, force: true }); });

const mode = (p: string) => statSync(p).mode & 0o777;

test('a backup folder is 0700 and its files 0600', async () => {
  const old = process.umask(0o022);
  try {
    const dir = await backupTo(t.rt, path.join(tmp, 'plain'));
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(mode(path.join(dir, f)), f).toBe(0o600);
  } finally {
    process.umask(old);
  }
});

test('with a passphrase the tables are encrypted; restore needs the right passphrase', async () => {
  const dir = await backupTo(t.rt, path.join(tmp, 'enc'), { passphrase: 'cụm mật khẩu sao lưu 2026' });
  const users = readFileSync(path.join(dir, 'users.copy.gz'));
  expect(users.subarray(0, 2).toString('hex')).not.toBe('1f8b'); // not a readable gzip
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  expect(manifest.encryption.alg).toBe('aes-256-gcm');
  await expect(restoreFrom(t.rt, dir, true)).rejects.toThrow(/cụm mật khẩu/);
  await expect(restoreFrom(t.rt, dir, true, { passphrase: 'sai' })).rejects.toThrow(/Sai cụm mật khẩu/);
  const before = (await sql<{ n: number }>`select count(*)::int as n from users`.execute(t.db)).rows[0].n;
  await restoreFrom(t.rt, dir, true, { passphrase: 'cụm mật khẩu sao lưu 2026' });
  expect((await sql<{ n: number }>`select count(*)::int as n from users`.execute(t.db)).rows[0].n).toBe(before);
});
