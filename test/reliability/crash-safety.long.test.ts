import { expect, test } from 'vitest';
import { expectEveryAcknowledgedWriteOnce, runCrashScenario } from './crash-scenario.js';

// Guarantee "crash safety", long form (`npm run test:reliability`): the server is killed with
// SIGKILL three times and restarted, and once the embedded PostgreSQL postmaster is killed (the
// server's supervisor restarts it), all during concurrent feedback submissions and dossier intakes.
test('three SIGKILLs of the server and one of PostgreSQL under load: every acknowledged write stored exactly once', { timeout: 600_000 }, async () => {
  const r = await runCrashScenario({ disruptions: ['kill-app', 'kill-postgres', 'kill-app', 'kill-app'], phaseMs: 8_000, phaseAcks: 40, writers: 12 });
  console.log(JSON.stringify({ test: 'crash-safety long', seconds: r.seconds, acked: r.verdict.acked, retries: r.stats.retries, log: r.log }));
  expectEveryAcknowledgedWriteOnce(r, 200);
  expect(r.stats.retries).toBeGreaterThan(0);
});
