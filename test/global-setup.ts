import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/core/config.js';
import { openRuntime, prepareDatabase } from '../src/core/runtime.js';

const quiet = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };
export const TEMPLATE_DB = 'tt_template';

/**
 * One PostgreSQL for the whole run (embedded in a temporary folder, or TEST_DATABASE_URL), with a
 * migrated template database holding the reference data and the demo ward. Each test file clones it.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thanthien-test-'));
  chmodSync(dataDir, 0o755); // the postgres system user must reach the cluster folder
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', LOG_LEVEL: 'warn' };
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${TEMPLATE_DB}`;
    env.DATABASE_URL = url.toString();
  }
  const config = loadConfig(env);
  const rt = await openRuntime(config, quiet, { database: TEMPLATE_DB, poolSize: 2 });
  if (config.databaseUrl) {
    const { ensureDatabaseExists } = await import('../src/core/database.js');
    await ensureDatabaseExists(rt.endpoints.ownerUrl, TEMPLATE_DB);
  }
  await prepareDatabase(rt, quiet, { demo: true });
  const ownerUrl = rt.endpoints.ownerUrl;
  // Close the pools but keep the cluster: a template must have no open connections to be cloned.
  await rt.db.destroy();
  await rt.ownerDb.destroy();
  project.provide('ttOwnerUrl', ownerUrl);
  project.provide('ttDataDir', dataDir);
  return async () => {
    await rt.endpoints.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext { ttOwnerUrl: string; ttDataDir: string }
}
