import type { FastifyInstance } from 'fastify';
import { schedule, type PgBoss } from '../../core/jobs.js';
import { depsOf } from './routes/context.js';
import { runOverdueSweep } from './service/overdue.js';

export const OVERDUE_JOB = 'dossiers-overdue';

/** Every working morning at 07:15 (Vietnam time): warn before due dates, list late dossiers. */
export async function dossierJobs(boss: PgBoss, app: FastifyInstance): Promise<void> {
  await schedule(boss, OVERDUE_JOB, '15 7 * * 1-6', async () => {
    const r = await runOverdueSweep(depsOf(app));
    app.log.info(r, 'dossier overdue sweep');
  });
}
