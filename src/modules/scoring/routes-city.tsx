import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { createPasswordToken, createUser, USERNAME_RE } from '../../core/auth/accounts.js';
import { AppError } from '../../core/errors.js';
import { readForm } from '../../core/http/forms.js';
import { hasRole } from '../../core/http/guards.js';
import { renderStaffPage } from '../../web/render.js';
import { unitRowOf, yearParam } from './context.js';
import { rankingWorkbook } from './reports/ranking-xlsx.js';
import * as repo from './repo.js';
import { cityRanking, rubricOf } from './service.js';
import { parseRubric } from './rubric/schema.js';
import { withUnit } from '../../core/tenancy.js';
import { isUnitEnabled } from './values.js';
import { CityPage } from './views/city-page.js';

/** The city's ranking page (the same URL as a ward's dashboard: /quan-tri/{city}/tieu-chi). */
export async function cityPage(req: FastifyRequest, reply: FastifyReply, city: repo.UnitRow, year: number, notice?: string, status = 200) {
  const [ranking, units] = await Promise.all([cityRanking(req.server.db, city, year), repo.unitsUnder(req.server.db, city.id)]);
  const enabled = new Set(units.filter(isUnitEnabled).map((u) => u.slug));
  const disabledUnits = units.filter((u) => !isUnitEnabled(u)).map((u) => ({ slug: u.slug, name: u.name }));
  return renderStaffPage(req, reply, { title: req.t('scoring.city.title', { year }), current: 'tieu-chi', styles: ['css/scoring.css'] },
    <CityPage req={req} citySlug={city.slug} ranking={ranking} enabled={enabled} disabledUnits={disabledUnits} canEnable={hasRole(req, ['admin'])} notice={notice} />,
    status);
}

async function cityOfRequest(req: FastifyRequest): Promise<repo.UnitRow> {
  const city = await unitRowOf(req);
  if (city.type !== 'city') throw AppError.notFound('scoring.city.not_city');
  return city;
}

/** Enables a unit of the city and gives it its first administrator (a one-time password link). */
async function enableUnit(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const city = await cityOfRequest(req);
  const { fields } = await readForm(req);
  const username = (fields.username ?? '').trim().toLowerCase();
  const displayName = (fields.displayName ?? '').trim();
  const unit = await repo.unitBySlug(app.db, (fields.unit ?? '').trim());
  if (!unit || unit.parent_id !== city.id) throw AppError.unprocessable('scoring.error.unit_not_in_city');
  if (isUnitEnabled(unit)) throw AppError.conflict('scoring.error.unit_already_enabled').with({ unit: unit.name });
  if (!USERNAME_RE.test(username)) throw AppError.unprocessable('scoring.error.username_format');
  if (!displayName || displayName.length > 120) throw AppError.unprocessable('scoring.error.admin_name_required');
  if (await repo.usernameTaken(app.db, username)) throw AppError.conflict('scoring.error.username_taken');
  const link = await app.db.transaction().execute(async (trx) => {
    await repo.enableUnit(trx, unit.id);
    const id = await createUser(trx, { unitId: unit.id, username, displayName, roles: ['admin'] });
    await audit(trx, req, { action: 'scoring.unit_enable', entity: 'unit', entityId: unit.id, after: { unit: unit.slug, admin: username } });
    return `${app.config.publicUrl}/dat-mat-khau/${await createPasswordToken(trx, id, 'setup')}`;
  });
  // Per-unit reference data (procedure catalogue, survey drafts, published items) for the newly enabled unit.
  for (const m of app.modules) await m.seedReference?.({ db: app.ownerDb, unitIdsBySlug: { [unit.slug]: unit.id }, now: new Date() });
  return cityPage(req, reply, city, yearParam({}), req.t('scoring.city.enable_done', { unit: unit.name, link }));
}

/** Publishes a new version of the city's rubric from pasted JSON; past finalised years keep theirs. */
async function publishRubric(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const city = await cityOfRequest(req);
  const { fields } = await readForm(req);
  let input: unknown;
  try {
    input = JSON.parse(fields.rubric ?? '');
  } catch {
    throw AppError.unprocessable('scoring.error.rubric_json');
  }
  const parsed = parseRubric(input, city.slug);
  if ('errors' in parsed) throw AppError.unprocessable('scoring.error.rubric_invalid', parsed.errors).with({ problems: parsed.errors.join(' ') });
  const version = await withUnit(app.db, city.id, async (trx) => {
    const v = await repo.insertCityRubric(trx, city.id, parsed.rubric, req.staff!.username);
    await audit(trx, req, { action: 'scoring.rubric_publish', entity: 'scoring_rubric', entityId: `${city.id}:${v}`, after: { version: v } });
    return v;
  });
  return cityPage(req, reply, city, yearParam({}), req.t('scoring.city.rubric_published', { version }));
}

export function registerCityRoutes(app: FastifyInstance): void {
  app.get('/quan-tri/:unit/tieu-chi/bo-tieu-chi.json', { preHandler: app.requireStaff() }, async (req, reply) => {
    const city = await cityOfRequest(req);
    const { key: _k, version: _v, ...body } = await rubricOf(app.db, city);
    return reply.header('content-disposition', `attachment; filename="bo-tieu-chi-${city.slug}.json"`).send(body);
  });
  app.post('/quan-tri/:unit/tieu-chi/bo-tieu-chi', { preHandler: app.requireStaff(['admin']) }, (req, reply) => publishRubric(app, req, reply));
  app.get('/quan-tri/:unit/tieu-chi/xep-hang.xlsx', { preHandler: app.requireStaff() }, async (req, reply) => {
    const city = await cityOfRequest(req);
    const year = yearParam(req.query);
    const buf = await rankingWorkbook(await cityRanking(app.db, city, year), city.name);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="xep-hang-${city.slug}-${year}.xlsx"`).send(buf);
  });
  app.post('/quan-tri/:unit/tieu-chi/kich-hoat', { preHandler: app.requireStaff(['admin']) }, (req, reply) => enableUnit(app, req, reply));
}
