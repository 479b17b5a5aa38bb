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
import { coverage, getVisit, isManager, listItems, listPhotoIds, listVisits, weeklyCompliance } from '../visits.js';
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
      const r = await trx.insertInto('leadership_visits').values({ unit_id: req.unit!.id, group_id: fields.groupId, planned_on: text(fields.plannedOn),
        activity: text(fields.activity) }).returning('id').executeTakeFirstOrThrow();
      await audit(trx, req, { action: 'leadership.visit_plan', entity: 'leadership_visit', entityId: r.id, after: { groupId: fields.groupId, plannedOn: fields.plannedOn, activity: fields.activity } });
      return r.id as string;
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
      if (recording) {
        await trx.updateTable('leadership_visits').set({ status: 'held', held_on: text(fields.heldOn), leader_ids: chosen.map((m) => m.id),
          leader_names: chosen.map((m) => m.display_name).join(', '), notes: text(fields.notes) || null }).where('id', '=', v.id).execute();
      }
      for (const content of raised) await trx.insertInto('leadership_visit_items').values({ unit_id: req.unit!.id, visit_id: v.id, content }).execute();
      for (const data of photos) await trx.insertInto('leadership_visit_photos').values({ unit_id: req.unit!.id, visit_id: v.id, mime: 'image/jpeg', data }).execute();
      await audit(trx, req, { action: 'leadership.visit_record', entity: 'leadership_visit', entityId: v.id,
        after: { heldOn: fields.heldOn, leaders: chosen.map((m) => m.id), raised: raised.length, photos: photos.length } });
    });
    return reply.redirect(`${base(req)}/xuong-co-so/${v.id}`, 303);
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/huy', write, async (req, reply) => {
    const id = needUuid(req.params.id);
    await withUnit(app.db, req.unit!.id, async (trx) => {
      const r = await trx.updateTable('leadership_visits').set({ status: 'cancelled' }).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst();
      if (!Number(r.numUpdatedRows)) throw AppError.conflict('leadership.error.visit_cancel_planned');
      await audit(trx, req, { action: 'leadership.visit_cancel', entity: 'leadership_visit', entityId: id });
    });
    return reply.redirect(`${base(req)}/xuong-co-so`, 303);
  });

  /** A raised item becomes a feedback item (channel "in person"), tracked by the feedback module. */
  app.post<{ Params: { unit: string; id: string; item: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/y-kien/:item/phan-anh', write, async (req, reply) => {
    const item = await withUnit(app.db, req.unit!.id, (trx) => trx.selectFrom('leadership_visit_items as i').innerJoin('leadership_visits as v', 'v.id', 'i.visit_id')
      .innerJoin('residential_groups as g', 'g.id', 'v.group_id').select(['i.id', 'i.content', 'i.feedback_code', 'g.name as group_name'])
      .where('i.id', '=', needUuid(req.params.item)).where('i.visit_id', '=', needUuid(req.params.id)).executeTakeFirst());
    if (!item) throw AppError.notFound();
    if (item.feedback_code) throw AppError.conflict('leadership.error.opinion_became_feedback');
    const content = String(item.content).padEnd(10, '.');
    const out = await submitFeedback(app.db, deadlineRules, req.unit!.id,
      { category: 'other', content, name: null, phone: null, email: null, lat: null, lng: null, address: String(item.group_name), shareLocation: false },
      { channel: 'in_person', boxLocation: String(item.group_name),
        afterInsert: async (trx, o) => {
          await trx.updateTable('leadership_visit_items' as any).set({ feedback_code: o.code } as any).where('id' as any, '=', item.id).execute();
          await audit(trx, req, { action: 'leadership.visit_item_feedback', entity: 'leadership_visit', entityId: req.params.id, after: { code: o.code } });
        } });
    return reply.redirect(`${base(req)}/xuong-co-so/${req.params.id}?phan-anh=${out.code}`, 303);
  });

  app.get<{ Params: { unit: string; id: string; photo: string } }>('/quan-tri/:unit/lanh-dao/xuong-co-so/:id/anh/:photo', read, async (req, reply) => {
    const p = await withUnit(app.db, req.unit!.id, (trx) => trx.selectFrom('leadership_visit_photos').select(['mime', 'data'])
      .where('id', '=', needUuid(req.params.photo)).where('visit_id', '=', needUuid(req.params.id)).executeTakeFirst());
    if (!p) throw AppError.notFound();
    return reply.type(p.mime as string).header('cache-control', 'private, max-age=3600').send(p.data);
  });
}
