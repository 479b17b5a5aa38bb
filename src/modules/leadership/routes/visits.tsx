/** Field visits: plan, record attendance, what residents raised (→ feedback items), photos, compliance, coverage. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { listResidentialGroups, listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { sharpLib } from '../../../lib/lazy-modules.js';
import { addDays, vnToday } from '../../../lib/vn-calendar/index.js';
import { renderStaffPage } from '../../../web/render.js';
import { makeDeadlineRulesSource, submitFeedback } from '../../feedback/index.js';
import { cancelPlannedVisit, coverage, getVisit, isManager, linkItemFeedback, listItems, listPhotoIds, listVisits, planVisit, recordVisit,
  visitItem, visitPhoto, weeklyCompliance } from '../visits.js';
import { VisitPage, VisitsPage } from '../views/visits.js';
import { base, crumbs, DATE, needUuid, RECORD_ROLES, STYLE, text } from './common.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string } }>;
const MAX_PHOTOS = 6;

async function listPage(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  const year = Number(vnToday().slice(0, 4));
  const data = await withUnit(app.db, req.unit!.id, async (trx) => ({
    visits: await listVisits(trx), weeks: await weeklyCompliance(trx, year, vnToday()), cover: await coverage(trx, year, vnToday()),
    groups: await listResidentialGroups(trx),
  }));
  return renderStaffPage(req, reply, { title: req.t('leadership.visits.title'), breadcrumbs: crumbs(req, { label: req.t('leadership.visits.title') }), ...STYLE },
    <VisitsPage req={req} {...data} values={{ plannedOn: vnToday(), ...values }} errors={errors} />,
    Object.keys(errors).length ? 422 : 200);
}

async function visitPage(app: FastifyInstance, req: IdReq, reply: FastifyReply, errors: Record<string, string> = {}, notice?: string) {
  const managers = (await listStaff(app.db, req.unit!.id)).filter(isManager);
  const data = await withUnit(app.db, req.unit!.id, async (trx) => {
    const v = await getVisit(trx, needUuid(req.params.id));
    return v ? { v, items: await listItems(trx, v.id), photoIds: await listPhotoIds(trx, v.id) } : null;
  });
  if (!data) throw AppError.notFound('leadership.error.visit_not_found');
  return renderStaffPage(req, reply, { title: data.v.group_name,
    breadcrumbs: crumbs(req, { label: req.t('leadership.visits.title'), href: `${base(req)}/xuong-co-so` }, { label: data.v.group_name }), ...STYLE },
    <VisitPage req={req} {...data} managers={managers} errors={errors} notice={notice} />, Object.keys(errors).length ? 422 : 200);
}

async function cleanPhoto(data: Buffer): Promise<Buffer | null> {
  try {
    // Re-encoding drops EXIF (location, device) and bounds the size.
    return await sharpLib()(data, { limitInputPixels: 40_000_000 }).rotate().resize(1600, 1600, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  } catch {
    return null;
  }
}

export async function visitRoutes(app: FastifyInstance): Promise<void> {
  const read = { preHandler: app.requireStaff() };
  const write = { preHandler: app.requireStaff(RECORD_ROLES) };
  const deadlineRules = makeDeadlineRulesSource(app.db);
  app.get('/quan-tri/:unit/lanh-dao/xuong-co-so', read, (req, reply) => listPage(app, req, reply));

  app.post('/quan-tri/:unit/lanh-dao/xuong-co-so', write, async (req, reply) => {
    const { fields } = await readForm(req);
    const errors: Record<string, string> = {};
    const groups = await withUnit(app.db, req.unit!.id, (trx) => listResidentialGroups(trx));
    if (!groups.some((g) => g.id === fields.groupId)) errors.groupId = req.t('leadership.error.group');
    if (!DATE.test(text(fields.plannedOn)) || text(fields.plannedOn) > addDays(vnToday(), 366)) {
      errors.plannedOn = req.t('leadership.error.date');
    }
    if (text(fields.activity).length < 3) errors.activity = req.t('leadership.error.required');
    if (Object.keys(errors).length) return listPage(app, req, reply, fields, errors);
    const id = await withUnit(app.db, req.unit!.id, async (trx) => {
      const visitId = await planVisit(trx, req.unit!.id,
        { groupId: fields.groupId, plannedOn: text(fields.plannedOn), activity: text(fields.activity) });
      await audit(trx, req, { action: 'leadership.visit_plan', entity: 'leadership_visit', entityId: visitId,
        after: { groupId: fields.groupId, plannedOn: fields.plannedOn, activity: fields.activity } });
      return visitId;
    });
    return reply.redirect(`${base(req)}/xuong-co-so/${id}`, 303);
  });

  app.get<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id', read, (req, reply) => visitPage(app, req, reply));

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/ket-qua', write, async (req, reply) => {
    const { fields, lists, files } = await readForm(req);
    const managers = (await listStaff(app.db, req.unit!.id)).filter(isManager);
    const chosen = managers.filter((m) => (lists.leaders ?? []).includes(m.id));
    const errors: Record<string, string> = {};
    const v = await withUnit(app.db, req.unit!.id, (trx) => getVisit(trx, needUuid(req.params.id)));
    if (!v) throw AppError.notFound('leadership.error.visit_not_found');
    const recording = v.status !== 'held';
    if (recording && (!DATE.test(text(fields.heldOn)) || text(fields.heldOn) > vnToday())) {
      errors.heldOn = req.t('leadership.error.heldOn');
    }
    if (recording && !chosen.length) errors.leaders = req.t('leadership.error.leaders');
    const uploads = files.filter((f) => f.field === 'photos' && f.data.length > 0);
    if (uploads.length > MAX_PHOTOS) errors.photos = req.t('leadership.error.photos', { n: MAX_PHOTOS });
    const photos: Buffer[] = [];
    for (const u of uploads.slice(0, MAX_PHOTOS)) {
      const p = await cleanPhoto(u.data);
      if (p) photos.push(p); else errors.photos = req.t('leadership.error.photo');
    }
    if (Object.keys(errors).length) return visitPage(app, req, reply, errors);
    const raised = text(fields.raised).split('\n').map((s) => s.trim()).filter((s) => s.length >= 3).slice(0, 30);
    await withUnit(app.db, req.unit!.id, async (trx) => {
      const held = recording ? { heldOn: text(fields.heldOn), leaders: chosen, notes: text(fields.notes) || null } : null;
      await recordVisit(trx, req.unit!.id, v.id, held, raised, photos);
      await audit(trx, req, { action: 'leadership.visit_record', entity: 'leadership_visit', entityId: v.id,
        after: { heldOn: fields.heldOn, leaders: chosen.map((m) => m.id), raised: raised.length, photos: photos.length } });
    });
    return reply.redirect(`${base(req)}/xuong-co-so/${v.id}`, 303);
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/huy', write, async (req, reply) => {
    const id = needUuid(req.params.id);
    await withUnit(app.db, req.unit!.id, async (trx) => {
      if (!(await cancelPlannedVisit(trx, id))) throw AppError.conflict('leadership.error.visit_cancel_planned');
      await audit(trx, req, { action: 'leadership.visit_cancel', entity: 'leadership_visit', entityId: id });
    });
    return reply.redirect(`${base(req)}/xuong-co-so`, 303);
  });

  /** A raised item becomes a feedback item (channel "in person"), tracked by the feedback module. */
  app.post<{ Params: { unit: string; id: string; item: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/y-kien/:item/phan-anh', write, async (req, reply) => {
    const item = await withUnit(app.db, req.unit!.id, (trx) => visitItem(trx, needUuid(req.params.id), needUuid(req.params.item)));
    if (!item) throw AppError.notFound();
    if (item.feedback_code) throw AppError.conflict('leadership.error.opinion_became_feedback');
    const content = String(item.content).padEnd(10, '.');
    const out = await submitFeedback(app.db, deadlineRules, req.unit!.id,
      { category: 'other', content, name: null, phone: null, email: null, lat: null, lng: null, address: String(item.group_name), shareLocation: false },
      { channel: 'in_person', boxLocation: String(item.group_name),
        afterInsert: async (trx, o) => {
          await linkItemFeedback(trx, item.id, o.code);
          await audit(trx, req, { action: 'leadership.visit_item_feedback', entity: 'leadership_visit', entityId: req.params.id, after: { code: o.code } });
        } });
    return reply.redirect(`${base(req)}/xuong-co-so/${req.params.id}?phan-anh=${out.code}`, 303);
  });

  app.get<{ Params: { unit: string; id: string; photo: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/anh/:photo', read, async (req, reply) => {
    const p = await withUnit(app.db, req.unit!.id, (trx) => visitPhoto(trx, needUuid(req.params.id), needUuid(req.params.photo)));
    if (!p) throw AppError.notFound();
    return reply.type(p.mime as string).header('cache-control', 'private, max-age=3600').send(p.data);
  });
}
