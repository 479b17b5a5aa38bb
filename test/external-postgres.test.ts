import { expect, inject, test } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';
import { buildApp } from '../src/app.js';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

/**
 * DATABASE_URL mode: CI points TEST_EXTERNAL_DATABASE_URL at Debian's PostgreSQL 15; elsewhere the
 * test cluster stands in for an external server. Migrations, seeds, RLS role and pages must work.
 */
test('runs on an external PostgreSQL through DATABASE_URL', { timeout: 180_000 }, async () => {
  const server = new URL(process.env.TEST_EXTERNAL_DATABASE_URL ?? inject('ttOwnerUrl'));
  const name = `ext_${randomBytes(4).toString('hex')}`;
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const version = (await admin.query('show server_version_num')).rows[0].server_version_num;
  server.pathname = `/${name}`;
  const config = loadConfig({ DATA_DIR: inject('ttDataDir'), DATABASE_URL: server.toString(), THANTHIEN_JOBS: 'off' });
  const rt = await openRuntime(config, quiet, { database: name, poolSize: 4 });
  try {
    await prepareDatabase(rt, quiet, { demo: true });
    const app = await buildApp(rt, { logger: false });
    const health = await app.inject('/healthz');
    expect(health.json()).toEqual({ status: 'ok', db: 'ok' });
    const home = await app.inject('/chu-van-an/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Phường Chu Văn An');
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(rt.db);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await app.close();
    expect(Number(version)).toBeGreaterThanOrEqual(150000);
  } finally {
    await rt.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
