import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../../../core/audit.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage, renderStaffPage } from '../../../web/render.js';
import type { DossierSettings } from '../domain/types.js';
import { getSettings, saveSettings } from '../repo/dossiers.js';
import { unitProcedures } from '../service/procedures.js';
import { monthlyFigures } from '../stats/stats.js';
import { FastTrackPage, SettingsPage } from '../views/settings-page.js';
import { depsOf, type UnitReq } from './context.js';
import { vnYearOf } from '../../../lib/vn-calendar/index.js';

const AGENCY_RE = /^[0-9A-Z]{1,8}(?:\.[0-9A-Z]{1,8}){1,5}$/;

function settingsFromForm(current: DossierSettings, fields: Record<string, string>, lists: Record<string, string[]>): { s: DossierSettings; errors: Record<string, string> } {
  const weekday = Number(fields.fast_track_weekday);
  const s: DossierSettings = {
    ...current,
    agency_code: (fields.agency_code ?? '').trim().toUpperCase(),
    collect_place: (fields.collect_place ?? '').trim().slice(0, 300),
    leader_name: (fields.leader_name ?? '').trim().slice(0, 120),
    leader_title: (fields.leader_title ?? '').trim().slice(0, 120) || 'CHỦ TỊCH',
    fast_track_weekday: Number.isInteger(weekday) && weekday >= 1 && weekday <= 6 ? weekday : null,
    fast_track_procedures: (lists.fast_track_procedures ?? []).slice(0, 200),
  };
  const errors: Record<string, string> = {};
  if (!AGENCY_RE.test(s.agency_code)) errors.agency_code = 'Mã định danh gồm các nhóm chữ số/chữ hoa ngăn bởi dấu chấm, ví dụ 000.00.00.H31.';
  return { s, errors };
}

async function settingsPage(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const s = await withUnit(app.db, req.unit!.id, (trx) => getSettings(trx, req.unit!.id));
  return renderStaffPage(req, reply, { title: req.t('dossiers.settings.title'), current: 'ho-so' },
    <SettingsPage req={req} s={s} procedures={await unitProcedures(app.db, req.unit!.id)} errors={{}} saved={Boolean(req.query['da-luu'])} />);
}

async function saveSettingsRoute(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const { fields, lists } = await readForm(req);
  const unitId = req.unit!.id;
  const current = await withUnit(app.db, unitId, (trx) => getSettings(trx, unitId));
  const { s, errors } = settingsFromForm(current, fields, lists);
  if (Object.keys(errors).length) {
    return renderStaffPage(req, reply, { title: req.t('dossiers.settings.title'), current: 'ho-so' },
      <SettingsPage req={req} s={s} procedures={await unitProcedures(app.db, unitId)} errors={errors} />, 422);
  }
  await withUnit(app.db, unitId, async (trx) => {
    await saveSettings(trx, s);
    await audit(trx, req, { action: 'dossier.settings', entity: 'dossier_settings', entityId: unitId, before: current, after: s });
  });
  return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/cai-dat?da-luu=1`, 303);
}

async function fastTrackPage(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const unitId = req.unit!.id;
  const year = vnYearOf(depsOf(app).now());
  const [s, months] = await withUnit(app.db, unitId, async (trx) => [await getSettings(trx, unitId), await monthlyFigures(trx, [unitId], year)] as const);
  const all = await unitProcedures(app.db, unitId);
  const procedures = all.filter((p) => s.fast_track_procedures.includes(p.key));
  const received = months.reduce((n, m) => n + m.fast_track_received, 0);
  const done = months.reduce((n, m) => n + m.fast_track_same_day, 0);
  return renderPage(req, reply, { title: req.t('dossiers.fast.title'), current: 'ngay-giai-quyet-nhanh' },
    <FastTrackPage req={req} weekday={s.fast_track_weekday} procedures={procedures} year={year} received={received} done={done} />);
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const admin = { preHandler: app.requireStaff(['leader']), schema: { hide: true } };
  app.get('/quan-tri/:unit/ho-so/cai-dat', admin, (req, reply) => settingsPage(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/cai-dat', admin, (req, reply) => saveSettingsRoute(app, req as UnitReq, reply));
  app.get('/:unit/ngay-giai-quyet-nhanh', { schema: { hide: true } }, (req, reply) => fastTrackPage(app, req as UnitReq, reply));
}
