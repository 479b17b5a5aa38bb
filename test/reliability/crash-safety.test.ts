import { expect, test } from 'vitest';
import { expectEveryAcknowledgedWriteOnce, runCrashScenario } from './crash-scenario.js';

// Guarantee "crash safety", short form (in `npm test`): one SIGKILL of the server during
// concurrent feedback submissions and dossier intakes; the long form (three kills of the server
// and one of the embedded PostgreSQL) is crash-safety.long.test.ts.
test('SIGKILL of the server under load: every acknowledged write stored exactly once', { timeout: 180_000 }, async () => {
  const r = await runCrashScenario({ disruptions: ['kill-app'], phaseMs: 3_000, phaseAcks: 15, writers: 6 });
  console.log(JSON.stringify({ test: 'crash-safety short', seconds: r.seconds, acked: r.verdict.acked, retries: r.stats.retries, log: r.log }));
  expectEveryAcknowledgedWriteOnce(r, 30);
  expect(r.stats.retries).toBeGreaterThan(0); // the kill did hit the writers
});
