/** The leadership overview: indicators of criterion 3, links, and the unit's settings (admin). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { readForm } from '../../../core/http/forms.js';
import { hasRole } from '../../../core/http/guards.js';
import { listStaff } from '../../../core/org.js';
import { vnYearBounds } from '../../../core/providers.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { computeLeadership, DEFINITIONS } from '../indicators.js';
import { readSettings, saveSettings } from '../settings.js';
import { DashboardPage, type Settings } from '../views/dashboard.js';
import { base, crumbs, STYLE, text, uuidOrNull } from './common.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

async function page(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, notice?: string) {
  const year = Number(vnToday().slice(0, 4));
  const values = await computeLeadership({ db: app.db, unitId: req.unit!.id, year, ...vnYearBounds(year), now: new Date() });
  const staff = await listStaff(app.db, req.unit!.id);
  const settings = await withUnit(app.db, req.unit!.id, (trx) => readSettings(trx));
  return renderStaffPage(req, reply, { title: req.t('leadership.title'), breadcrumbs: crumbs(req), ...STYLE },
    <DashboardPage req={req} values={values} definitions={DEFINITIONS} staff={staff} isAdmin={hasRole(req, [])} notice={notice}
      settings={(settings as Settings | undefined) ?? { head_user_id: null, remote_area: false, uniform_days: req.t('leadership.code.defaultUniform') }} />);
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get('/quan-tri/:unit/lanh-dao', { preHandler: app.requireStaff() }, (req, reply) => page(app, req, reply));
  /** Only an administrator designates the head: the head sees every denouncer's identity. */
  app.post('/quan-tri/:unit/lanh-dao/cau-hinh', { preHandler: app.requireStaff(['admin']) }, async (req, reply) => {
    const { fields } = await readForm(req);
    const headUserId = uuidOrNull(fields.headUserId);
    const staff = await listStaff(app.db, req.unit!.id);
    if (headUserId && !staff.some((s) => s.id === headUserId)) return reply.code(422).send({ error: { code: 'validation_failed', message: 'Người đứng đầu không thuộc đơn vị.' } });
    const values = { head_user_id: headUserId, remote_area: fields.remoteArea === '1', uniform_days: text(fields.uniformDays).slice(0, 200) || 'Thứ Hai và thứ Sáu' };
    await withUnit(app.db, req.unit!.id, async (trx) => {
      const before = await saveSettings(trx, req.unit!.id, values);
      await audit(trx, req, { action: 'leadership.settings', entity: 'leadership_settings', entityId: req.unit!.id, before, after: values });
    });
    return reply.redirect(base(req), 303);
  });
}
