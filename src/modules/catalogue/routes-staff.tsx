import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { audit, actorOf } from '../../core/audit.js';
import { readForm } from '../../core/http/forms.js';
import { withUnit } from '../../core/tenancy.js';
import { EDITOR_ROLES, loadForStaff } from './staff-context.js';
import { renderStaffPage } from '../../web/render.js';
import { foldDiacritics, sortVi } from '../../lib/vn-text/index.js';
import { listProcedureRows, listVersionRows, markReviewedRow, refreshVocabulary, updateProcedureRow } from './repo.js';
import { procedureData } from './row-mapping.js';
import { listAttachments } from './service.js';
import { parseProcedureForm } from './validate.js';
import { StaffListPage } from './views/staff-list-page.js';
import { formValuesOf, StaffEditPage } from './views/staff-edit-page.js';
import { StaffHistoryPage } from './views/staff-history-page.js';
import { attachmentRoutes } from './routes-attachments.js';
import { confirmProcedureReviewed, trackProcedures } from './freshness.js';

type Req = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;

async function listPage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const unitId = req.unit!.id;
  const onlyReview = req.query['can-ra-soat'] === '1';
  const query = (req.query.q ?? '').slice(0, 200).trim();
  let rows = await withUnit(app.db, unitId, (trx) => listProcedureRows(trx, unitId, onlyReview ? { needsReview: true } : {}));
  if (query) rows = rows.filter((p) => foldDiacritics(p.name).includes(foldDiacritics(query)));
  const notice = req.query['da-nhap'] ? req.t('catalogue.import.applied', { n: req.query['da-nhap'] }) : undefined;
  return renderStaffPage(req, reply, { title: req.t('catalogue.staff.title'), current: 'thu-tuc' },
    <StaffListPage req={req} procedures={sortVi(rows, (p) => p.field, (p) => p.name)} onlyReview={onlyReview} query={query} notice={notice} />);
}

async function editPage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const p = await loadForStaff(app, req);
  const notice = req.query['da-luu'] ? req.t('catalogue.staff.saved', { version: p.version })
    : req.query['da-xac-nhan'] ? req.t('catalogue.staff.confirmed') : req.query['bieu-mau'] ? req.t(`catalogue.staff.form_${req.query['bieu-mau'] === 'xoa' ? 'deleted' : 'added'}`) : undefined;
  const attachments = await listAttachments(app.db, req.unit!.id, p.id);
  return renderStaffPage(req, reply, { title: req.t('catalogue.staff.edit_title', { name: p.name }), current: 'thu-tuc' },
    <StaffEditPage req={req} procedure={p} values={formValuesOf(p)} errors={{}} attachments={attachments} notice={notice} />);
}

async function save(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const current = await loadForStaff(app, req);
  const { fields } = await readForm(req);
  const { data, errors } = parseProcedureForm(fields, procedureData(current));
  if (!data) {
    const attachments = await listAttachments(app.db, req.unit!.id, current.id);
    return renderStaffPage(req, reply, { title: req.t('catalogue.staff.edit_title', { name: current.name }), current: 'thu-tuc' },
      <StaffEditPage req={req} procedure={current} values={fields} errors={errors} attachments={attachments} />, 422);
  }
  const unitId = req.unit!.id;
  const expected = Number(fields.version);
  const actor = actorOf(req).name;
  const note = (fields.change_note ?? '').trim().slice(0, 500) || null;
  const saved = await withUnit(app.db, unitId, async (trx) => {
    const after = await updateProcedureRow(trx, unitId, current.id, data, actor, note, Number.isInteger(expected) ? expected : undefined);
    if (!after) return null;
    await audit(trx, req, { action: 'catalogue.procedure.update', entity: 'catalogue_procedure', entityId: current.id, before: procedureData(current), after: procedureData(after) });
    await refreshVocabulary(trx, unitId);
    await trackProcedures(trx, unitId, req.unit!.slug, [after]);
    return after;
  });
  if (!saved) throw AppError.conflict('catalogue.staff.conflict');
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc/${current.id}?da-luu=1`, 303);
}

async function confirmReview(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const current = await loadForStaff(app, req);
  const unitId = req.unit!.id;
  await withUnit(app.db, unitId, async (trx) => {
    const after = await markReviewedRow(trx, unitId, current.id, actorOf(req).name);
    if (!after) throw AppError.notFound('catalogue.api.not_found');
    await confirmProcedureReviewed(trx, unitId, req.unit!.slug, after, after.reviewedAt ?? new Date());
    await audit(trx, req, { action: 'catalogue.procedure.review', entity: 'catalogue_procedure', entityId: current.id,
      before: { needsReview: current.needsReview, reviewedAt: current.reviewedAt }, after: { needsReview: after.needsReview, reviewedAt: after.reviewedAt } });
  });
  return reply.redirect(`/quan-tri/${req.unit!.slug}/thu-tuc/${current.id}?da-xac-nhan=1`, 303);
}

async function historyPage(app: FastifyInstance, req: Req, reply: FastifyReply) {
  const p = await loadForStaff(app, req);
  const versions = await withUnit(app.db, req.unit!.id, (trx) => listVersionRows(trx, req.unit!.id, p.id));
  return renderStaffPage(req, reply, { title: req.t('catalogue.staff.history_title', { name: p.name }), current: 'thu-tuc' },
    <StaffHistoryPage req={req} procedure={p} versions={versions} />);
}

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const opts = { preHandler: app.requireStaff(EDITOR_ROLES), schema: { hide: true } };
  app.get('/quan-tri/:unit/thu-tuc', opts, (req, reply) => listPage(app, req as Req, reply));
  app.get('/quan-tri/:unit/thu-tuc/:id', opts, (req, reply) => editPage(app, req as Req, reply));
  app.post('/quan-tri/:unit/thu-tuc/:id', opts, (req, reply) => save(app, req as Req, reply));
  app.post('/quan-tri/:unit/thu-tuc/:id/xac-nhan', opts, (req, reply) => confirmReview(app, req as Req, reply));
  app.get('/quan-tri/:unit/thu-tuc/:id/lich-su', opts, (req, reply) => historyPage(app, req as Req, reply));
  await attachmentRoutes(app, opts);
}
