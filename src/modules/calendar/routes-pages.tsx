/**
 * Pages: public `/{unit}/lich-nghi` (the year's days off) and staff `/quan-tri/{unit}/lich-nghi`
 * (roles admin and leader): overrides with a reason (audited) and the unit's cut-off time.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withUnits } from '../../core/tenancy.js';
import { readForm } from '../../core/http/forms.js';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { listOverrides, readSettings, unitChain } from './repo.js';
import { getWorkCalendar } from './service.js';
import { addOverride, removeOverride, saveSettings, validateOverride } from './overrides.js';
import { PublicCalendarPage } from './views/public-page.js';
import { StaffCalendarPage, type StaffCalendarView } from './views/staff-page.js';
import { withQuery, query, Q } from '../../core/http/query.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

type Req = FastifyRequest<{ Params: { unit: string; id?: string }; Querystring: Record<string, string | undefined> }>;

const FLASHES: Record<string, string> = { 'da-luu': 'calendar.saved', 'da-xoa': 'calendar.removed', 'gio-chot': 'calendar.cutoff_saved' };

/** `?nam=` (or a form's `nam`): a year 1901–2100, else the current year in Vietnam. */
export function yearParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1901 && n <= 2100 ? n : vnYearOf(new Date());
}

async function staffView(app: FastifyInstance, req: Req, year: number, extra: Partial<StaffCalendarView> = {}): Promise<StaffCalendarView> {
  const unitId = req.unit!.id;
  const chain = await unitChain(app.db, unitId);
  const [overrides, settings] = await withUnits(app.db, chain, async (trx) =>
    [await listOverrides(trx, chain, year), await readSettings(trx, unitId)] as const);
  const table = (await getWorkCalendar(app.db, unitId)).holidaysOf(year);
  return { table, overrides, cutoff: settings.cutoff, workingHours: settings.working_hours, ...extra };
}

async function showStaff(app: FastifyInstance, req: Req, reply: FastifyReply, year: number, extra: Partial<StaffCalendarView> = {}, status = 200) {
  const view = await staffView(app, req, year, extra);
  return renderStaffPage(req, reply, { title: req.t('calendar.staff_title', { year }), current: 'lich-nghi' },
    <StaffCalendarPage req={req} view={view} />, status);
}

export async function pageRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: app.requireStaff(['admin', 'leader']) };

  app.get('/:unit/lich-nghi', { schema: { querystring: query({ nam: Q.year }) } }, async (req: Req, reply) => {
    const year = yearParam(req.query.nam);
    const table = (await getWorkCalendar(app.db, req.unit!.id)).holidaysOf(year);
    return renderPage(req, reply, { title: req.t('calendar.public_title', { year }), current: 'lich-nghi' },
      <PublicCalendarPage req={req} table={table} />);
  });

  app.get('/quan-tri/:unit/lich-nghi', withQuery(staff, query({ nam: Q.year })), async (req: Req, reply) => {
    const flash = Object.keys(FLASHES).find((k) => req.query[k] !== undefined);
    return showStaff(app, req, reply, yearParam(req.query.nam), { flash: flash && FLASHES[flash] });
  });

  app.post('/quan-tri/:unit/lich-nghi', staff, async (req: Req, reply) => {
    const { fields } = await readForm(req);
    const checked = validateOverride(fields);
    const year = yearParam(fields.date?.slice(0, 4));
    if (!checked.ok) return showStaff(app, req, reply, year, { errors: checked.errors, values: fields }, 422);
    await addOverride(app, req, checked.value);
    return reply.redirect(`/quan-tri/${req.unit!.slug}/lich-nghi?nam=${year}&da-luu`, 303);
  });

  app.post('/quan-tri/:unit/lich-nghi/:id/xoa', staff, async (req: Req, reply) => {
    const { fields } = await readForm(req);
    await removeOverride(app, req, req.params.id ?? '');
    return reply.redirect(`/quan-tri/${req.unit!.slug}/lich-nghi?nam=${yearParam(fields.nam)}&da-xoa`, 303);
  });

  app.post('/quan-tri/:unit/lich-nghi/gio-chot', staff, async (req: Req, reply) => {
    const { fields } = await readForm(req);
    const year = yearParam(fields.nam);
    const errors = await saveSettings(app, req, fields);
    if (errors) return showStaff(app, req, reply, year, { errors, values: fields }, 422);
    return reply.redirect(`/quan-tri/${req.unit!.slug}/lich-nghi?nam=${year}&gio-chot`, 303);
  });
}
