import PgBossDefault from 'pg-boss';
import { VN_TIME_ZONE } from '../lib/vn-calendar/index.js';

export type PgBoss = PgBossDefault;

/** pg-boss in the same database, in its own schema, connected as the owner. */
export async function startJobs(ownerUrl: string, log: { error(o: unknown, m?: string): void }): Promise<PgBoss> {
  const boss = new PgBossDefault({ connectionString: ownerUrl, schema: 'pgboss', max: 4, application_name: 'thanthien-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  return boss;
}

/** Creates the queue if needed, then registers the worker. */
export async function work<T>(boss: PgBoss, name: string, handler: (data: T) => Promise<void>): Promise<void> {
  await boss.createQueue(name);
  await boss.work<T>(name, async (jobs) => {
    for (const job of jobs) await handler(job.data);
  });
}

/** A cron schedule in Vietnam time. */
export async function schedule(boss: PgBoss, name: string, cron: string, handler: () => Promise<void>): Promise<void> {
  await work(boss, name, handler);
  await boss.schedule(name, cron, {}, { tz: VN_TIME_ZONE });
}
