import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { hasRole } from '../../core/http/guards.js';
import { renderStaffPage } from '../../web/render.js';
import { unitRowOf, yearParam } from './context.js';
import { cityPage } from './routes-city.js';
import { finaliseYear, rubricOfYear, scorecardOf } from './service.js';
import { DashboardPage } from './views/dashboard-page.js';

export const FINALISE_ROLES = ['admin', 'leader'] as const;

async function dashboard(req: FastifyRequest, reply: FastifyReply) {
  const unit = await unitRowOf(req);
  const year = yearParam(req.query);
  if (unit.type === 'city') return cityPage(req, reply, unit, year);
  const db = req.server.db;
  const [card, previous, rubric] = await Promise.all([scorecardOf(db, unit, year), scorecardOf(db, unit, year - 1), rubricOfYear(db, unit, year)]);
  return renderStaffPage(req, reply, { title: req.t('scoring.dashboard.title', { year }), current: 'tieu-chi', styles: ['css/scoring.css'] },
    <DashboardPage req={req} card={card} previous={previous.measured ? previous : null} rubric={rubric}
      canFinalise={hasRole(req, [...FINALISE_ROLES])} finalisedAt={card.finalisedAt} />);
}

async function finalise(req: FastifyRequest, reply: FastifyReply) {
  const unit = await unitRowOf(req);
  const year = yearParam(req.query);
  const by = req.staff!.username;
  const card = await finaliseYear(req.server.db, unit, year, by, async (trx) => {
    await audit(trx, req, { action: 'scoring.finalise', entity: 'scoring_assessment', entityId: `${unit.id}:${year}`, after: { year } });
  });
  if (!card) throw AppError.conflict('scoring.error.year_already_closed').with({ year });
  return reply.redirect(`/quan-tri/${unit.slug}/tieu-chi?nam=${year}`, 303);
}

export function registerStaffRoutes(app: FastifyInstance): void {
  app.get('/quan-tri/:unit/tieu-chi', { preHandler: app.requireStaff() }, dashboard);
  app.post('/quan-tri/:unit/tieu-chi/chot', { preHandler: app.requireStaff([...FINALISE_ROLES]) }, finalise);
}
