/** Weekly intake register: coverage grid and recording form. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../../core/http/forms.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { intakeCoverage, recordIntake } from '../intake-register.js';
import { parseWeekKey, vnToday } from '../../../lib/vn-calendar/index.js';
import { asFeedbackTrx } from '../types.js';
import { IntakePage } from '../views/intake-page.js';

const WEEKS_SHOWN = 8;

async function show(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, opts: { errors?: Record<string, string>; values?: Record<string, string>; notice?: string; status?: number } = {}) {
  const { weeks, rows } = await withUnit(app.db, req.unit!.id, (raw) => intakeCoverage(asFeedbackTrx(raw), vnToday(), WEEKS_SHOWN, req.t));
  return renderStaffPage(req, reply, {
    title: req.t('feedback.intake.title'), styles: ['css/feedback.css'], current: 'phan-anh/tiep-nhan-tuan',
    breadcrumbs: [{ label: req.t('core.staff_area'), href: `/quan-tri/${req.unit!.slug}` }, { label: req.t('feedback.intake.title') }],
  }, <IntakePage req={req} weeks={weeks} rows={rows} errors={opts.errors ?? {}} values={opts.values ?? {}} notice={opts.notice} />, opts.status ?? 200);
}

export async function intakeRoutes(app: FastifyInstance): Promise<void> {
  const roles = app.requireStaff(['leader', 'mass_org_liaison', 'department_officer', 'inspection', 'viewer']);
  app.get('/quan-tri/:unit/phan-anh/tiep-nhan-tuan', { preHandler: roles }, (req, reply) => show(app, req, reply));
  app.post('/quan-tri/:unit/phan-anh/tiep-nhan-tuan', { preHandler: app.requireStaff(['leader', 'mass_org_liaison']) }, async (req, reply) => {
    const { fields } = await readForm(req);
    const week = parseWeekKey(fields.week ?? '');
    const [kind, code] = (fields.group ?? '').split(':');
    const itemsCount = Number(fields.itemsCount || 0);
    const errors: Record<string, string> = {};
    if (!week) errors.week = req.t('feedback.error.invalid');
    if (!Number.isInteger(itemsCount) || itemsCount < 0 || itemsCount > 999) errors.itemsCount = req.t('feedback.error.invalid');
    if (kind !== 'organisation' && kind !== 'residential_group') errors.group = req.t('feedback.error.invalid');
    const metOn = fields.metOn?.trim() || null;
    if (metOn && !/^\d{4}-\d{2}-\d{2}$/.test(metOn)) errors.metOn = req.t('feedback.error.invalid');
    if (Object.keys(errors).length) return show(app, req, reply, { errors, values: fields, status: 422 });
    try {
      await recordIntake(app.db, req, req.unit!.id, {
        week: week!, groupKind: kind as 'organisation' | 'residential_group', groupCode: code, metOn,
        noNewItems: fields.noNewItems === 'on', itemsCount, notes: fields.notes?.trim().slice(0, 2000) || null,
      }, req.t);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) {
        const field = ((err.details as { field?: string } | undefined)?.field) ?? 'group';
        return show(app, req, reply, { errors: { [field]: err.text(req.t) }, values: fields, status: 422 });
      }
      throw err;
    }
    return show(app, req, reply, { notice: req.t('feedback.intake.saved') });
  });
}
