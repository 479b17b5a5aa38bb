import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { renderPage, renderStaffPage } from '../../../web/render.js';
import { listHomeRequests, requestHomeService, updateHomeRequest } from '../service/home.js';
import { HomeListPage, HomeRequestPage } from '../views/home-pages.js';
import { WRITE_ROLES, depsOf, officerOf, type UnitReq } from './context.js';

const publicPage = (req: UnitReq, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, thanks = false, status = 200) =>
  renderPage(req, reply, { title: req.t('dossiers.home.title'), current: 'phuc-vu-tai-nha' }, <HomeRequestPage req={req} values={values} errors={errors} thanks={thanks} />, status);

async function staffList(app: FastifyInstance, req: UnitReq, reply: FastifyReply, error?: string, status = 200) {
  const rows = await listHomeRequests(depsOf(app), req.unit!.id);
  return renderStaffPage(req, reply, { title: req.t('dossiers.home.staff_title'), styles: ['css/dossiers.css'], current: 'ho-so' }, <HomeListPage req={req} rows={rows} error={error} />, status);
}

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/phuc-vu-tai-nha', { schema: { hide: true } }, (req, reply) => publicPage(req as UnitReq, reply, {}, {}, Boolean((req as UnitReq).query['da-gui'])));
  app.post('/:unit/phuc-vu-tai-nha', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: { hide: true } }, async (req, reply) => {
    const r = req as UnitReq;
    const { fields } = await readForm(req);
    try {
      await requestHomeService(depsOf(app), req.unit!.id, {
        requesterName: fields.requesterName ?? '', phone: fields.phone ?? '', address: fields.address ?? '', category: fields.category ?? '',
        procedureName: fields.procedureName ?? '', note: fields.note,
      });
      return reply.redirect(`/${req.unit!.slug}/phuc-vu-tai-nha?da-gui=1`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 422) return publicPage(r, reply, fields, e.details as Record<string, string>, false, 422);
      throw e;
    }
  });
  const staff = { preHandler: app.requireStaff(WRITE_ROLES), schema: { hide: true } };
  app.get('/quan-tri/:unit/ho-so/phuc-vu-tai-nha', staff, (req, reply) => staffList(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/phuc-vu-tai-nha/:id', staff, async (req, reply) => {
    const r = req as UnitReq;
    const { fields } = await readForm(req);
    const suffix = (r.params.id ?? '').slice(-6);
    try {
      await updateHomeRequest(depsOf(app), req.unit!.id, r.params.id ?? '', fields.step ?? '', {
        visitAt: fields[`visitAt-${suffix}`], dossierCode: fields[`dossierCode-${suffix}`],
      }, officerOf(req));
      return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/phuc-vu-tai-nha`, 303);
    } catch (e) {
      if (e instanceof AppError && (e.status === 422 || e.status === 409)) return staffList(app, r, reply, e.text(req.t), e.status);
      throw e;
    }
  });
}
