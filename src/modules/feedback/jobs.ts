/** pg-boss jobs: the daily deadline sweep and delivery of SMS/Zalo/Facebook replies. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { translator } from '../../core/i18n.js';
import { schedule, type PgBoss } from '../../core/jobs.js';
import { adaptersFromEnv } from './channels/adapters.js';
import { deliverPending } from './outbound.js';
import { runSlaSweep, type SlaMessages } from './sla.js';
import { makeDeadlineRulesSource } from './work-calendar.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

const vi = translator('vi');

export function slaMessages(app: FastifyInstance, unitSlug: string): SlaMessages {
  return {
    subject: (kind, code) => vi(`feedback.email.slaSubject.${kind}`, { code }),
    body: (kind, code, due, url) => vi('feedback.email.slaBody', { code, due, kind: vi(`feedback.email.slaSubject.${kind}`, { code }), url }),
    staffUrl: (code) => `${app.config.publicUrl}/quan-tri/${unitSlug}/phan-anh/${code}`,
  };
}

async function units(app: FastifyInstance) {
  const { rows } = await sql<{ id: string; slug: string }>`select id, slug from units where type <> 'city'`.execute(app.db);
  return rows;
}

export async function feedbackJobs(boss: PgBoss, app: FastifyInstance): Promise<void> {
  const deadlineRules = makeDeadlineRulesSource(app.db);
  await schedule(boss, 'feedback-sla', '30 7 * * *', async () => {
    for (const u of await units(app)) {
      const out = await runSlaSweep(app.db, u.id, (await deadlineRules(u.id)).calendar, vnToday(), slaMessages(app, u.slug));
      if (out.reminded + out.escalatedToHead + out.escalatedToChairman > 0) app.log.info({ unit: u.slug, ...out }, 'feedback deadline sweep');
    }
  });
  const adapters = adaptersFromEnv(process.env, (o, m) => app.log.info(o, m));
  await schedule(boss, 'feedback-outbound', '* * * * *', async () => {
    for (const u of await units(app)) await deliverPending(app.db, u.id, adapters);
  });
}
