/** Admin page: deadlines per category and the escalation contacts (department heads, chairman). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../../core/http/forms.js';
import { renderStaffPage } from '../../../web/render.js';
import { loadUnitSettings, saveSettings, unitDepartments, validateSettings } from '../settings.js';
import { SettingsPage } from '../views/settings-page.js';

const PATH = '/quan-tri/:unit/phan-anh/cau-hinh';

async function show(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, opts: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string; status?: number } = {}) {
  const settings = await loadUnitSettings(app.db, req.unit!.id);
  return renderStaffPage(req, reply, {
    title: req.t('feedback.settings.title'), styles: ['css/feedback.css'], current: 'phan-anh/cau-hinh',
    breadcrumbs: [
      { label: req.t('core.staff_area'), href: `/quan-tri/${req.unit!.slug}` },
      { label: req.t('feedback.staff.title'), href: `/quan-tri/${req.unit!.slug}/phan-anh` },
      { label: req.t('feedback.settings.title') },
    ],
  }, <SettingsPage req={req} settings={settings} values={opts.values} errors={opts.errors ?? {}} notice={opts.notice} />, opts.status ?? 200);
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const admin = app.requireStaff(['admin']);
  app.get(PATH, { preHandler: admin }, (req, reply) => show(app, req, reply));
  app.post(PATH, { preHandler: admin }, async (req, reply) => {
    const { fields } = await readForm(req);
    const v = validateSettings(fields, await unitDepartments(app.db, req.unit!.id));
    if (!v.ok) {
      const errors = Object.fromEntries(Object.entries(v.errors).map(([name, e]) => [name, req.t(e.key, e.params)]));
      return show(app, req, reply, { values: fields, errors, status: 422 });
    }
    const n = await saveSettings(app.db, req, req.unit!.id, v.value);
    return show(app, req, reply, { notice: req.t(n ? 'feedback.settings.saved' : 'feedback.settings.unchanged', { n }) });
  });
}
