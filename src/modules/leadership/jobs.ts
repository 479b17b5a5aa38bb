/** pg-boss: the daily sweep of complaint and denunciation deadlines. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { schedule, type PgBoss } from '../../core/jobs.js';
import { sweepDeadlines } from './deadlines-sweep.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

export async function leadershipJobs(boss: PgBoss, app: FastifyInstance): Promise<void> {
  await schedule(boss, 'leadership-deadlines', '0 7 * * *', async () => {
    const { rows } = await sql<{ id: string; slug: string }>`select id, slug from units where type <> 'city'`.execute(app.db);
    for (const u of rows) {
      const caseUrl = (code: string) => `${app.config.publicUrl}/quan-tri/${u.slug}/lanh-dao/vu-viec/${code}`;
      const out = await sweepDeadlines(app.db, u.id, vnToday(), caseUrl);
      if (out.reminded + out.escalated > 0) app.log.info({ unit: u.slug, ...out }, 'leadership deadline sweep');
    }
  });
}
