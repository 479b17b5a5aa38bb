import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm } from '../../core/http/forms.js';
import { hasRole } from '../../core/http/guards.js';
import { withUnit } from '../../core/tenancy.js';
import { renderStaffPage } from '../../web/render.js';
import { unitRowOf, yearParam } from './context.js';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, manualDefinition, validateManual } from './manual-service.js';
import * as repo from './repo.js';
import { ManualPage } from './views/manual-page.js';

export const SUBMIT_ROLES = ['admin', 'leader', 'department_officer', 'centre_officer'] as const;
export const REVIEW_ROLES = ['admin', 'leader'] as const;

type ManualReq = FastifyRequest<{ Params: { unit: string; indicator: string; id?: string } }>;

function definitionOf(req: ManualReq) {
  const d = manualDefinition(req.params.indicator);
  if (!d) throw AppError.notFound('scoring.error.manual_not_found');
  return d;
}

async function show(req: ManualReq, reply: FastifyReply, extra: { errors?: Record<string, string>; values?: Record<string, string> } = {}, status = 200) {
  const unit = await unitRowOf(req);
  const year = yearParam(req.query);
  const definition = definitionOf(req);
  const { history, finalised } = await withUnit(req.server.db, unit.id, async (trx) => ({
    history: await repo.manualHistory(trx, unit.id, year, definition.id),
    finalised: (await repo.assessments(trx, [unit.id], year)).length > 0,
  }));
  return renderStaffPage(req, reply, { title: req.t('scoring.manual.title', { indicator: definition.label.vi }), current: 'tieu-chi', styles: ['css/scoring.css'] },
    <ManualPage req={req} unitSlug={unit.slug} year={year} definition={definition} history={history} finalised={finalised}
      canSubmit={hasRole(req, [...SUBMIT_ROLES])} canReview={hasRole(req, [...REVIEW_ROLES])} {...extra} />, status);
}

async function assertOpen(trx: repo.Trx, unitId: string, year: number) {
  if ((await repo.assessments(trx, [unitId], year)).length) throw AppError.conflict('scoring.error.year_closed_evidence').with({ year });
}

async function submit(req: ManualReq, reply: FastifyReply) {
  const unit = await unitRowOf(req);
  const year = yearParam(req.query);
  const definition = definitionOf(req);
  const { fields, files } = await readForm(req);
  const file = files.find((f) => f.field === 'file' && f.data.length > 0);
  if (file && file.data.length > EVIDENCE_MAX_BYTES) throw AppError.tooLarge('scoring.error.evidence_too_large');
  const checked = validateManual(fields, file);
  if ('errors' in checked) return show(req, reply, { errors: checked.errors, values: fields }, 422);
  const { input } = checked;
  await withUnit(req.server.db, unit.id, async (trx) => {
    await assertOpen(trx, unit.id, year);
    const ext = file ? EVIDENCE_TYPES[file.mimetype] : '';
    const id = await repo.insertManualEntry(trx, unit.id, {
      year, indicatorId: definition.id, value: input.value, statement: input.statement, by: req.staff!.username,
      file: file ? { name: `minh-chung-${definition.id.replace('scoring.', '')}.${ext}`, type: file.mimetype, data: file.data } : undefined,
    });
    await audit(trx, req, { action: 'scoring.evidence_submit', entity: 'scoring_manual_entry', entityId: id,
      after: { indicator: definition.id, year, value: input.value, file: file ? { type: file.mimetype, bytes: file.data.length } : null } });
  });
  return reply.redirect(`/quan-tri/${unit.slug}/tieu-chi/minh-chung/${encodeURIComponent(definition.id)}?nam=${year}`, 303);
}

async function review(req: ManualReq, reply: FastifyReply) {
  const unit = await unitRowOf(req);
  const year = yearParam(req.query);
  const definition = definitionOf(req);
  const { fields } = await readForm(req);
  const decision = fields.decision === 'approve' ? 'approved' : fields.decision === 'reject' ? 'rejected' : null;
  if (!decision) throw AppError.unprocessable('scoring.error.choose_decision');
  const note = (fields.note ?? '').trim().slice(0, 1000);
  if (decision === 'rejected' && !note) return show(req, reply, { errors: { note: 'Cần ghi lý do khi không chấp thuận.' } }, 422);
  await withUnit(req.server.db, unit.id, async (trx) => {
    await assertOpen(trx, unit.id, year);
    const entry = await repo.getManualEntry(trx, unit.id, req.params.id ?? '');
    if (!entry || entry.indicator_id !== definition.id) throw AppError.notFound('scoring.error.evidence_not_found');
    if (entry.submitted_by === req.staff!.username) throw AppError.forbidden('scoring.manual.own_review');
    if (!(await repo.reviewManualEntry(trx, unit.id, entry.id, decision, req.staff!.username, note))) throw AppError.conflict('scoring.error.evidence_reviewed');
    await audit(trx, req, { action: 'scoring.evidence_review', entity: 'scoring_manual_entry', entityId: entry.id, before: { status: 'pending' }, after: { status: decision, note } });
  });
  return reply.redirect(`/quan-tri/${unit.slug}/tieu-chi/minh-chung/${encodeURIComponent(definition.id)}?nam=${year}`, 303);
}

const UUID_RE = /^[0-9a-f-]{36}$/i;

export function registerManualRoutes(app: FastifyInstance): void {
  const path = '/quan-tri/:unit/tieu-chi/minh-chung/:indicator';
  app.get(path, { preHandler: app.requireStaff() }, (req, reply) => show(req as ManualReq, reply));
  app.post(path, { preHandler: app.requireStaff([...SUBMIT_ROLES]) }, (req, reply) => submit(req as ManualReq, reply));
  app.post(`${path}/:id/duyet`, { preHandler: app.requireStaff([...REVIEW_ROLES]) }, (req, reply) => review(req as ManualReq, reply));
  app.get('/quan-tri/:unit/tieu-chi/minh-chung-tep/:id', { preHandler: app.requireStaff() }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!UUID_RE.test(id)) throw AppError.notFound();
    const unit = await unitRowOf(req);
    const file = await withUnit(app.db, unit.id, (trx) => repo.manualEvidence(trx, unit.id, id));
    if (!file) throw AppError.notFound('scoring.error.evidence_file_not_found');
    return reply.type(file.evidence_type).header('content-disposition', `attachment; filename="${file.evidence_name}"`).send(file.evidence);
  });
}
