/** Officials: list, per-official page for leaders, profile/badge, training, discipline register. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { hasRole } from '../../../core/http/guards.js';
import { listDepartments, listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { sharpLib } from '../../../lib/lazy-modules.js';
import { renderStaffPage } from '../../../web/render.js';
import { officerRatings } from '../../centre/index.js';
import { addDiscipline, addTraining, conductRollup, DISCIPLINE_KINDS, disciplineOf, officialStats, photoOf, profileOf, saveProfile,
  TRAINING_TOPICS, trainingsOf, VIOLATION_REASONS } from '../officials.js';
import { BadgeSheet, OfficialPage, OfficialsPage, RegisterPage, type OfficialRow } from '../views/officials.js';
import { base, CASE_ROLES, crumbs, DATE, needUuid, STYLE, text } from './common.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string } }>;

async function officialOf(app: FastifyInstance, req: IdReq) {
  const id = needUuid(req.params.id);
  const o = (await listStaff(app.db, req.unit!.id)).find((s) => s.id === id);
  if (!o) throw AppError.notFound('leadership.error.official_not_found');
  const departments = await withUnit(app.db, req.unit!.id, (trx) => listDepartments(trx));
  return { id: o.id, display_name: o.display_name, title: o.title, department: departments.find((d) => d.id === o.department_id)?.name ?? null };
}

async function officialPage(app: FastifyInstance, req: IdReq, reply: FastifyReply, errors: Record<string, string> = {}, notice?: string) {
  const o = await officialOf(app, req);
  const data = await withUnit(app.db, req.unit!.id, async (trx) => ({
    profile: await profileOf(trx, o.id), trainings: await trainingsOf(trx, o.id), discipline: await disciplineOf(trx, o.id), rollup: await conductRollup(trx, o.id),
  }));
  const ratings = await officerRatings(app.db, req.unit!.id, o.id).catch(() => null); // null when the centre module is not installed
  return renderStaffPage(req, reply, { title: o.display_name,
    breadcrumbs: crumbs(req, { label: req.t('leadership.officials.title'), href: `${base(req)}/can-bo` }, { label: o.display_name }), ...STYLE },
    <OfficialPage req={req} o={o} {...data} ratings={ratings} errors={errors} notice={notice} canEdit={hasRole(req, ['leader'])} />, Object.keys(errors).length ? 422 : 200);
}

export async function officialRoutes(app: FastifyInstance): Promise<void> {
  const read = { preHandler: app.requireStaff(CASE_ROLES) };
  const write = { preHandler: app.requireStaff(['leader']) };

  app.get('/quan-tri/:unit/lanh-dao/can-bo', read, async (req, reply) => {
    const staff = await listStaff(app.db, req.unit!.id);
    const year = Number(vnToday().slice(0, 4));
    const stats = await withUnit(app.db, req.unit!.id, (trx) => officialStats(trx, staff.map((s) => s.id), year));
    const byId = new Map(stats.map((s) => [s.user_id, s]));
    const rows: OfficialRow[] = staff.map((s) => ({ id: s.id, display_name: s.display_name, title: s.title, badge_no: byId.get(s.id)?.badge_no ?? null,
      trainings: byId.get(s.id)?.trainings ?? 0, reports: byId.get(s.id)?.reports ?? 0, discipline: byId.get(s.id)?.discipline ?? 0 }));
    return renderStaffPage(req, reply, { title: req.t('leadership.officials.title'), breadcrumbs: crumbs(req, { label: req.t('leadership.officials.title') }), ...STYLE },
      <OfficialsPage req={req} rows={rows} year={year} />);
  });

  app.get('/quan-tri/:unit/lanh-dao/can-bo/ky-luat', read, async (req, reply) => {
    const staff = await listStaff(app.db, req.unit!.id);
    const rows = await withUnit(app.db, req.unit!.id, (trx) => disciplineOf(trx));
    return renderStaffPage(req, reply, { title: req.t('leadership.officials.register'), breadcrumbs: crumbs(req, { label: req.t('leadership.officials.register') }), ...STYLE },
      <RegisterPage req={req} rows={rows} names={new Map(staff.map((s) => [s.id, s.display_name]))} />);
  });

  app.get<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id', read, (req, reply) => officialPage(app, req, reply));

  app.get<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id/anh', { preHandler: app.requireStaff() }, async (req, reply) => {
    const p = await withUnit(app.db, req.unit!.id, (trx) => photoOf(trx, needUuid(req.params.id)));
    if (!p) throw AppError.notFound();
    return reply.type(p.mime).send(p.data);
  });

  app.get<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id/the', read, async (req, reply) => {
    const o = await officialOf(app, req);
    const profile = await withUnit(app.db, req.unit!.id, (trx) => profileOf(trx, o.id));
    if (!profile) throw AppError.notFound('leadership.error.no_badge_number');
    const url = `${app.config.publicUrl}/${req.unit!.slug}/can-bo/${encodeURIComponent(profile.badge_no)}`;
    const badgeQr = await qrSvg(url, { margin: 1 });
    return reply.html(<BadgeSheet req={req} o={o} profile={profile} qrSvg={badgeQr} unitName={req.unit!.name} />);
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id/ho-so', write, async (req, reply) => {
    const o = await officialOf(app, req);
    const { fields, files } = await readForm(req);
    const badge = text(fields.badgeNo);
    if (!/^[A-Za-z0-9-]{2,20}$/.test(badge)) return officialPage(app, req, reply, { badgeNo: req.t('leadership.error.badge') });
    const upload = files.find((f) => f.field === 'photo' && f.data.length);
    let photo: Buffer | null = null;
    if (upload) {
      try { photo = await sharpLib()(upload.data).rotate().resize(480, 600, { fit: 'cover' }).jpeg({ quality: 82 }).toBuffer(); }
      catch { return officialPage(app, req, reply, { photo: req.t('leadership.error.photo') }); }
    }
    const clash = await withUnit(app.db, req.unit!.id, async (trx) => {
      const values = { badge_no: badge, duties: text(fields.duties) || null, phone: text(fields.phone) || null, ...(photo ? { photo, photo_mime: 'image/jpeg' } : {}) };
      if (!(await saveProfile(trx, req.unit!.id, o.id, values))) return true;
      await audit(trx, req, { action: 'leadership.profile_save', entity: 'leadership_profile', entityId: o.id, after: { badge_no: badge, photo: Boolean(photo) } });
      return false;
    });
    if (clash) return officialPage(app, req, reply, { badgeNo: req.t('leadership.error.badgeTaken') });
    return officialPage(app, req, reply, {}, req.t('leadership.saved'));
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id/dao-tao', write, async (req, reply) => {
    const o = await officialOf(app, req);
    const { fields } = await readForm(req);
    const errors: Record<string, string> = {};
    if (!(TRAINING_TOPICS as readonly string[]).includes(fields.topic)) errors.topic = req.t('leadership.error.invalid');
    if (text(fields.title).length < 3) errors.title = req.t('leadership.error.required');
    if (!DATE.test(text(fields.completedOn)) || text(fields.completedOn) > vnToday()) errors.completedOn = req.t('leadership.error.date');
    if (Object.keys(errors).length) return officialPage(app, req, reply, errors);
    await withUnit(app.db, req.unit!.id, async (trx) => {
      const id = await addTraining(trx, req.unit!.id, o.id,
        { topic: fields.topic, title: text(fields.title), completedOn: text(fields.completedOn) });
      await audit(trx, req, { action: 'leadership.training_add', entity: 'leadership_training', entityId: id,
        after: { user: o.id, topic: fields.topic } });
    });
    return officialPage(app, req, reply, {}, req.t('leadership.saved'));
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/can-bo/:id/ky-luat', write, async (req, reply) => {
    const o = await officialOf(app, req);
    const { fields } = await readForm(req);
    const errors: Record<string, string> = {};
    if (!(DISCIPLINE_KINDS as readonly string[]).includes(fields.kind)) errors.kind = req.t('leadership.error.invalid');
    if (!(VIOLATION_REASONS as readonly string[]).includes(fields.reason)) errors.reason = req.t('leadership.error.invalid');
    if (!DATE.test(text(fields.occurredOn)) || text(fields.occurredOn) > vnToday()) errors.occurredOn = req.t('leadership.error.date');
    if (Object.keys(errors).length) return officialPage(app, req, reply, errors);
    await withUnit(app.db, req.unit!.id, async (trx) => {
      const id = await addDiscipline(trx, req.unit!.id, o.id, {
        kind: fields.kind, reason: fields.reason, occurredOn: text(fields.occurredOn),
        decisionNo: text(fields.decisionNo) || null, penalty: text(fields.penalty) || null });
      await audit(trx, req, { action: 'leadership.discipline_add', entity: 'leadership_discipline', entityId: id,
        after: { user: o.id, kind: fields.kind, reason: fields.reason } });
    });
    return officialPage(app, req, reply, {}, req.t('leadership.saved'));
  });
}
