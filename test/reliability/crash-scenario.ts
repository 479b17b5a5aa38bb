// The crash-safety scenario shared by the short test (in `npm test`) and the long one
// (`npm run test:reliability`): a real server on its own embedded cluster, writers under load, a
// list of disruptions (SIGKILL of the server then restart, SIGKILL of the postmaster), then the
// acknowledged writes are compared with the database.
import { rmSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { freePort } from '../../src/core/embedded-postgres.js';
import { createApiToken } from '../../src/core/auth/tokens.js';
import { deriveSecret } from '../../src/core/secrets.js';
import { procedureChoices } from '../../src/modules/dossiers/domain/procedures.js';
import {
  killHard, ownerClient, postmasterOf, sleep, startAppProcess, stopGracefully, tempDataDir, waitFor, type AppProcess,
} from './app-process.js';
import { newRunId, startLoad, verify, type LoadStats, type Verdict } from './crash-load.js';

export type Disruption = 'kill-app' | 'kill-postgres';

export interface ScenarioResult { verdict: Verdict; stats: LoadStats; seconds: number; log: string[] }

const ENV = { THANTHIEN_MODULES: 'feedback,dossiers,catalogue', THANTHIEN_DEMO: '0' };

/**
 * Between disruptions the load runs `phaseMs`, and longer (up to a minute more) until `phaseAcks`
 * more writes were acknowledged: on a busy machine a kill must still land among many writes.
 */
export async function runCrashScenario(opts: { disruptions: Disruption[]; phaseMs: number; phaseAcks: number; writers: number }): Promise<ScenarioResult> {
  const t0 = Date.now();
  const dataDir = tempDataDir('tt-crash-load-');
  const port = await freePort();
  const log: string[] = [];
  const note = (m: string) => log.push(`${((Date.now() - t0) / 1000).toFixed(1)} s ${m}`);
  let app: AppProcess = startAppProcess({ dataDir, port, env: ENV });
  try {
    await app.ready;
    note('server ready');
    const { port: pgPort } = postmasterOf(dataDir);
    const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({
      host: '127.0.0.1', port: pgPort, user: 'postgres', password: deriveSecret(dataDir, 'role:owner'), database: 'thanthien', max: 1,
    }) }) });
    const { id: unitId } = await owner.selectFrom('units').select('id').where('slug', '=', 'chu-van-an').executeTakeFirstOrThrow();
    const token = await createApiToken(owner, unitId, 'centre_officer', 'Kiểm tra độ bền');
    await owner.destroy();
    const procedure = procedureChoices().find((p) => p.workingDays > 0)!.key;
    const run = newRunId();
    const load = startLoad({ url: () => app.url, token, procedure, run }, opts.writers);
    const phase = async () => {
      const from = load.acked();
      await sleep(opts.phaseMs);
      await waitFor(async () => load.acked() >= from + opts.phaseAcks, 60_000);
    };
    await phase();
    for (const d of opts.disruptions) {
      const before = load.acked();
      if (d === 'kill-app') {
        await killHard(app);
        note(`server killed (SIGKILL) after ${before} acknowledged writes`);
        app = startAppProcess({ dataDir, port, env: ENV });
        await app.ready;
        note('server restarted');
      } else {
        const { pid } = postmasterOf(dataDir);
        process.kill(pid, 'SIGKILL');
        note(`postmaster ${pid} killed (SIGKILL) after ${before} acknowledged writes`);
        const back = await waitFor(async () => postmasterOf(dataDir).pid !== pid && (await fetch(`${app.url}/healthz`)).status === 200, 90_000);
        expect(back, app.output()).toBe(true);
        expect(app.output()).toMatch(/PostgreSQL restarted/);
        note('PostgreSQL restarted by the server');
      }
      await phase();
    }
    const stats = await load.stop();
    note(`load stopped: ${stats.acks.size} acknowledged, ${stats.requests} requests, ${stats.retries} retries`);
    const c = await ownerClient(dataDir);
    const verdict = await verify(c, run, stats).finally(() => c.end());
    return { verdict, stats, seconds: (Date.now() - t0) / 1000, log };
  } finally {
    await stopGracefully(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The guarantee itself: every acknowledged write stored once, nothing else stored, nothing refused. */
export function expectEveryAcknowledgedWriteOnce(r: ScenarioResult, minAcks: number): void {
  const { verdict: v, stats } = r;
  const summary = JSON.stringify({ ...v, log: r.log, refused: stats.refused.slice(0, 5), conflicts: stats.conflicts, pending: stats.pending });
  expect(v.missing, summary).toEqual([]);
  expect(v.duplicates, summary).toEqual([]);
  expect(v.wrongContent, summary).toEqual([]);
  // Each write was retried until acknowledged, so the database holds exactly the acknowledged ones.
  expect(v.stored, summary).toEqual(v.acked);
  expect(v.checksumStored, summary).toBe(v.checksumAcked);
  expect(stats.conflicts, summary).toEqual([]);
  expect(stats.refused, summary).toEqual([]);
  expect(stats.pending, summary).toEqual([]);
  expect(v.acked.feedback + v.acked.dossier, summary).toBeGreaterThanOrEqual(minAcks);
}
