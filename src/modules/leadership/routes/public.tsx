/** Public pages: an official's page (the badge's QR code) and the code of conduct. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { listDepartments, listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { photoOf, profileByBadge } from '../officials.js';
import { uniformDays } from '../settings.js';
import { CodeOfConductPage, OfficialPublicPage } from '../views/public.js';

type BadgeReq = FastifyRequest<{ Params: { unit: string; badge: string } }>;
const BADGE = /^[A-Za-z0-9-]{2,20}$/;

async function profile(app: FastifyInstance, req: BadgeReq) {
  if (!BADGE.test(req.params.badge)) throw AppError.notFound('leadership.error.official_not_found');
  const p = await withUnit(app.db, req.unit!.id, (trx) => profileByBadge(trx, req.params.badge));
  if (!p) throw AppError.notFound('leadership.error.official_not_found');
  return p;
}

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { unit: string; badge: string } }>('/:unit/can-bo/:badge', async (req, reply) => {
    const p = await profile(app, req);
    const o = (await listStaff(app.db, req.unit!.id)).find((s) => s.id === p.user_id);
    if (!o) throw AppError.notFound('leadership.error.official_not_found');
    const departments = await withUnit(app.db, req.unit!.id, (trx) => listDepartments(trx));
    const page = { ...p, display_name: o.display_name, title: o.title, department: departments.find((d) => d.id === o.department_id)?.name ?? null };
    return renderPage(req, reply, { title: o.display_name, breadcrumbs: [{ label: req.unit!.name, href: `/${req.unit!.slug}` }, { label: o.display_name }], styles: ['css/leadership.css'] },
      <OfficialPublicPage req={req} o={page} />);
  });

  app.get<{ Params: { unit: string; badge: string } }>('/:unit/can-bo/:badge/anh', async (req, reply) => {
    const p = await profile(app, req);
    const photo = await withUnit(app.db, req.unit!.id, (trx) => photoOf(trx, p.user_id));
    if (!photo) throw AppError.notFound();
    return reply.type(photo.mime).header('cache-control', 'public, max-age=3600').send(photo.data);
  });

  app.get('/:unit/quy-tac-ung-xu', async (req, reply) => {
    const days = await withUnit(app.db, req.unit!.id, (trx) => uniformDays(trx));
    return renderPage(req, reply, { title: req.t('leadership.code.title'), breadcrumbs: [{ label: req.unit!.name, href: `/${req.unit!.slug}` }, { label: req.t('leadership.code.title') }] },
      <CodeOfConductPage req={req} uniformDays={days ?? req.t('leadership.code.defaultUniform')} />);
  });
}
