import { expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';

const run = promisify(execFile);

/** A fresh database on the test cluster, used through DATABASE_URL as an external server would be. */
async function freshDatabase(): Promise<string> {
  const owner = new URL(inject('ttOwnerUrl'));
  const name = `cli_${randomBytes(4).toString('hex')}`;
  const admin = new URL(owner);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  owner.pathname = `/${name}`;
  return owner.toString();
}

test('CLI: migrate, seed, user create, token create, audit verify, backup and restore', { timeout: 240_000 }, async () => {
  const env = { ...process.env, DATA_DIR: inject('ttDataDir'), DATABASE_URL: await freshDatabase(), THANTHIEN_DEMO: '0', THANTHIEN_MODULES: 'none' };
  const cli = (...args: string[]) => run('node', ['bin/thanthien.js', ...args], { env, cwd: process.cwd() });
  expect((await cli('migrate')).stdout).toMatch(/bước nâng cấp/);
  expect((await cli('seed')).stdout).toMatch(/dữ liệu tham chiếu/);
  const created = await cli('user', 'create', '--unit', 'chu-van-an', '--role', 'leader', '--username', 'chutich', '--password', 'MatKhau2026x', '--name', 'Nguyễn Văn Thử');
  expect(created.stdout).toMatch(/Đã tạo tài khoản chutich/);
  await expect(cli('user', 'create', '--unit', 'chu-van-an', '--role', 'leader', '--username', 'yeu', '--password', 'ngan')).rejects.toMatchObject({ code: 1 });
  await expect(cli('token', 'create', '--unit', 'khong-co', '--role', 'viewer')).rejects.toMatchObject({ stderr: expect.stringMatching(/Không có đơn vị/) });
  const token = (await cli('token', 'create', '--unit', 'chu-van-an', '--role', 'centre_officer', '--label', 'kiosk')).stdout.trim();
  expect(token).toMatch(/^tt_[\w-]{30,}$/);
  expect((await cli('audit', 'verify')).stdout).toMatch(/toàn vẹn/);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'tt-backup-'));
  try {
    expect((await cli('backup', '--out', dir)).stdout).toMatch(/Đã sao lưu/);
    await expect(cli('restore', '--from', dir)).rejects.toMatchObject({ stderr: expect.stringMatching(/--force/) });
    expect((await cli('restore', '--from', dir, '--force')).stdout).toMatch(/Đã khôi phục/);
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query(`select username from users where username = 'chutich'`);
    await c.end();
    expect(rows).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
