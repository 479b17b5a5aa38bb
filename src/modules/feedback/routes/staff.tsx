/** Staff pages: list, detail with actions and moderation, photos, manual recording. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../../core/http/forms.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { pageParam } from '../../../web/components/display.js';
import { isCategoryCode, isChannel } from '../categories.js';
import { moderate } from '../citizen.js';
import { PUBLISHER_ROLES } from '../policy.js';
import { actionContext, viewerOf, type FeedbackContext } from '../context.js';
import { applyAction, type Command } from '../handling.js';
import { submitFeedback } from '../intake.js';
import { cleanPhoto, MAX_PHOTOS, type CleanPhoto } from '../photos.js';
import { countsForStaff, detailForStaff, DUE_SOON_WORKING_DAYS, listForStaff, photoForStaff, visibleCategories } from '../staff-repo.js';
import { addWorkingDays, parseVnLocalDateTime, vnToday } from '../../../lib/vn-calendar/index.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { asFeedbackTrx } from '../types.js';
import { validateSubmission } from '../validate.js';
import { isAction, isStatus } from '../workflow.js';
import { RECORDED_CHANNELS, RecordPage } from '../views/record-page.js';
import { StaffDetailPage, type PublishForm } from '../views/staff-detail.js';
import { StaffListPage } from '../views/staff-list.js';
import { PAGED } from '../../../core/http/query.js';

type Q = Record<string, string | undefined>;
type CodeRoute = { Params: { unit: string; code: string }; Querystring: Q };
type CodeReq = FastifyRequest<CodeRoute>;
const STYLE = { styles: ['css/feedback.css'], current: 'phan-anh' };
const HANDLERS = ['leader', 'department_officer', 'centre_officer', 'inspection'] as const;
const base = (req: FastifyRequest) => `/quan-tri/${req.unit!.slug}/phan-anh`;
const crumbs = (req: FastifyRequest, extra: Array<{ label: string }> = []) =>
  [{ label: req.t('core.staff_area'), href: `/quan-tri/${req.unit!.slug}` }, { label: req.t('feedback.staff.title'), href: base(req) }, ...extra];

async function showDetail(ctx: FeedbackContext, req: CodeReq, reply: FastifyReply, notice?: string, publishForm?: PublishForm) {
  const code = normaliseTrackingCode(req.params.code);
  const viewer = viewerOf(req);
  const d = code ? await withUnit(ctx.app.db, req.unit!.id, (raw) => detailForStaff(asFeedbackTrx(raw), viewer, code)) : null;
  if (!d) throw AppError.notFound('feedback.error.feedback_not_found');
  return renderStaffPage(req, reply, { title: d.item.code, breadcrumbs: crumbs(req, [{ label: d.item.code }]), ...STYLE },
    <StaffDetailPage req={req} d={d} viewer={viewer} notice={notice} today={vnToday()} publishForm={publishForm} />,
    publishForm ? 422 : 200);
}

function commandFrom(fields: Record<string, string>): Command {
  const action = fields.action;
  if (!isAction(action)) throw AppError.badRequest('feedback.error.bad_action');
  const f = (name: string) => fields[`${name}-${action}`]?.trim() || null;
  return {
    action, note: f('note'), category: f('category'), departmentCode: f('departmentCode'), reply: f('reply'), targetCode: f('targetCode'),
    assigneeId: uuidOrNull(f('assigneeId')), concernedOfficialId: uuidOrNull(f('concernedOfficialId')),
  };
}

function uuidOrNull(v: string | null): string | null {
  if (!v) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) throw AppError.unprocessable('feedback.error.bad_account');
  return v;
}

async function recordItem(ctx: FeedbackContext, req: FastifyRequest, reply: FastifyReply) {
  const { fields, files } = await readForm(req);
  const v = validateSubmission(fields);
  const errors: Record<string, string> = v.ok ? {} : Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k, req.t(m!)]));
  const channel = fields.channel;
  if (!isChannel(channel) || !RECORDED_CHANNELS.includes(channel)) errors.channel = req.t('feedback.error.invalid');
  const receivedOn = fields.receivedOn?.trim() || null;
  if (receivedOn && (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || receivedOn > vnToday())) {
    errors.receivedOn = req.t('feedback.error.invalid');
  }
  const photos: CleanPhoto[] = [];
  const uploads = files.filter((f) => f.field === 'photos' && f.data.length > 0);
  if (uploads.length > MAX_PHOTOS) errors.photos = req.t('feedback.error.tooManyPhotos');
  for (const u of uploads.slice(0, MAX_PHOTOS)) {
    const r = await cleanPhoto(u.data, false);
    if (r.ok) photos.push(r.photo);
    else errors.photos = req.t(r.reason);
  }
  if (!v.ok || Object.keys(errors).length) {
    return renderStaffPage(req, reply, { title: req.t('feedback.staff.recordTitle'), breadcrumbs: crumbs(req), ...STYLE },
      <RecordPage req={req} values={fields} errors={errors} />, 422);
  }
  const r = await submitFeedback(ctx.app.db, ctx.deadlineRules, req.unit!.id, v.value, {
    channel: channel as (typeof RECORDED_CHANNELS)[number], boxLocation: fields.boxLocation?.trim() || null, photos,
    receivedAt: receivedOn ? parseVnLocalDateTime(`${receivedOn}T09:00`) : null,
    afterInsert: (trx, out) => audit(trx, req, { action: 'feedback.record', entity: 'feedback', entityId: out.id, unitId: req.unit!.id, after: { code: out.code, channel } }),
  });
  return renderStaffPage(req, reply, { title: req.t('feedback.staff.recordTitle'), breadcrumbs: crumbs(req), ...STYLE },
    <RecordPage req={req} values={{}} errors={{}} notice={req.t('feedback.staff.recordSaved', { code: r.code })} />, 201);
}

export async function staffRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  const anyStaff = app.requireStaff();
  const handlers = app.requireStaff([...HANDLERS]);

  app.get<{ Querystring: Q }>('/quan-tri/:unit/phan-anh', { preHandler: anyStaff, schema: { querystring: PAGED } }, async (req, reply) => {
    const viewer = viewerOf(req);
    const q = req.query;
    const filter = {
      status: isStatus(q['trang-thai']) ? q['trang-thai'] : undefined, category: isCategoryCode(q['linh-vuc']) ? q['linh-vuc'] : undefined,
      overdue: q['qua-han'] === '1', dueSoon: q['sap-den-han'] === '1', unassigned: q['chua-giao'] === '1',
    };
    const page = pageParam(q);
    const day = vnToday();
    const soonUntil = addWorkingDays((await ctx.deadlineRules(req.unit!.id)).calendar, day, DUE_SOON_WORKING_DAYS);
    const { total, rows, counts } = await withUnit(app.db, req.unit!.id, async (raw) => {
      const trx = asFeedbackTrx(raw);
      const list = await listForStaff(trx, viewer, {
        status: filter.status, category: filter.category, overdueOnly: filter.overdue, dueSoonOnly: filter.dueSoon, unassignedOnly: filter.unassigned,
        today: day, soonUntil, page, pageSize: 30,
      });
      return { ...list, counts: await countsForStaff(trx, viewer, day, soonUntil) };
    });
    return renderStaffPage(req, reply, { title: req.t('feedback.staff.title'), breadcrumbs: crumbs(req), ...STYLE },
      <StaffListPage req={req} rows={rows} total={total} page={page} pageSize={30} filter={filter} categories={visibleCategories(viewer)} today={day} counts={counts} />);
  });

  app.get('/quan-tri/:unit/phan-anh/ghi-nhan', { preHandler: anyStaff }, async (req, reply) =>
    renderStaffPage(req, reply, { title: req.t('feedback.staff.recordTitle'), breadcrumbs: crumbs(req), ...STYLE }, <RecordPage req={req} values={{}} errors={{}} />));
  app.post('/quan-tri/:unit/phan-anh/ghi-nhan', { preHandler: app.requireStaff([...HANDLERS, 'mass_org_liaison']) }, (req, reply) => recordItem(ctx, req, reply));

  app.get<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/phan-anh/anh/:id', { preHandler: anyStaff }, async (req, reply) => {
    const photo = await withUnit(app.db, req.unit!.id, (raw) => photoForStaff(asFeedbackTrx(raw), viewerOf(req), req.params.id));
    if (!photo) throw AppError.notFound();
    return reply.header('content-type', photo.mime).header('cache-control', 'private, max-age=3600').send(photo.bytes);
  });

  app.get<CodeRoute>('/quan-tri/:unit/phan-anh/:code', { preHandler: anyStaff }, (req, reply) => showDetail(ctx, req, reply));

  app.post<CodeRoute>('/quan-tri/:unit/phan-anh/:code/xu-ly', { preHandler: handlers }, async (req, reply) => {
    const code = normaliseTrackingCode(req.params.code);
    if (!code) throw AppError.notFound();
    const { fields } = await readForm(req);
    await applyAction(actionContext(ctx, req), req.unit!.id, code, commandFrom(fields));
    return showDetail(ctx, req, reply, req.t('feedback.staff.done'));
  });

  app.post<CodeRoute>('/quan-tri/:unit/phan-anh/:code/cong-khai', { preHandler: app.requireStaff([...PUBLISHER_ROLES]) }, async (req, reply) => {
    const code = normaliseTrackingCode(req.params.code);
    if (!code) throw AppError.notFound();
    const { fields } = await readForm(req);
    try {
      await moderate(app.db, req, req.unit!.id, code, {
        publish: fields.publish === '1', summary: fields.summary ?? null, boardReply: fields.boardReply ?? null,
        place: fields.publicPlace ?? null, showOnMap: fields.showOnMap === '1',
      });
    } catch (err) {
      const details = err instanceof AppError && err.status === 422 ? err.details as { fields?: Record<string, string> } | undefined : undefined;
      if (!details?.fields) throw err;
      return showDetail(ctx, req, reply, undefined, { values: fields, errors: details.fields });
    }
    return showDetail(ctx, req, reply, req.t('feedback.staff.done'));
  });
}
