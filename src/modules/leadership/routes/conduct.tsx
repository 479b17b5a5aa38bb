/** Staff pages of the confidential conduct-report track. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { vnDateOf, vnToday } from '../../../lib/vn-calendar/index.js';
import { renderStaffPage } from '../../../web/render.js';
import { caseCodeOf, createCase } from '../cases.js';
import { canManageReport, canSeeIdentity, countIdentities, headOf, readIdentities } from '../confidentiality.js';
import { assignConductReport, getConductReport, listConductReports, markConductReportCase, markConductReportInformation,
  reporterIdentities, type ConductReport } from '../conduct.js';
import { unitCalendar } from '../work-calendar.js';
import { ConductDetailPage, ConductListPage } from '../views/conduct.js';
import { base, CASE_ROLES, crumbs, needUuid, STYLE, uuidOrNull, viewerOf } from './common.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;

async function reportOf(app: FastifyInstance, req: IdReq): Promise<ConductReport> {
  const r = await withUnit(app.db, req.unit!.id, (trx) => getConductReport(trx, needUuid(req.params.id)));
  if (!r) throw AppError.notFound('leadership.error.feedback_not_found');
  return r;
}

/** The report, for a viewer allowed to act on it (403 otherwise). */
async function managedReport(app: FastifyInstance, req: IdReq): Promise<ConductReport> {
  const r = await reportOf(app, req);
  const head = await withUnit(app.db, req.unit!.id, (trx) => headOf(trx, req.unit!.id));
  if (!canManageReport(viewerOf(req), r, head)) throw AppError.forbidden('leadership.error.head_only_conduct');
  return r;
}

async function show(app: FastifyInstance, req: IdReq, reply: FastifyReply, error?: string, status = 200) {
  const r = await reportOf(app, req);
  const staff = await listStaff(app.db, req.unit!.id);
  const data = await withUnit(app.db, req.unit!.id, async (trx) => {
    const head = await headOf(trx, req.unit!.id);
    const mayReveal = canSeeIdentity(viewerOf(req), r, head);
    const mayManage = canManageReport(viewerOf(req), r, head);
    const identity = mayReveal && req.query['danh-tinh'] === '1' ? await readIdentities(trx, req, 'conduct_report', r.id) : null;
    const caseCode = r.case_id ? (await caseCodeOf(trx, r.case_id)) as string : null;
    return { mayReveal, mayManage, identity, caseCode, hasIdentity: (await countIdentities(trx, 'conduct_report', r.id)) > 0 };
  });
  return renderStaffPage(req, reply, { title: req.t('leadership.conduct.detail'),
    breadcrumbs: crumbs(req, { label: req.t('leadership.conduct.title'), href: `${base(req)}/phan-anh-can-bo` }, { label: req.t('leadership.conduct.detail') }), ...STYLE },
    <ConductDetailPage req={req} r={r} staff={staff} {...data} error={error} />, status);
}

export async function conductRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: app.requireStaff(CASE_ROLES) };
  app.get<{ Params: { unit: string } }>('/quan-tri/:unit/lanh-dao/phan-anh-can-bo', guard, async (req, reply) => {
    const rows = await withUnit(app.db, req.unit!.id, (trx) => listConductReports(trx));
    const staff = await listStaff(app.db, req.unit!.id);
    return renderStaffPage(req, reply, { title: req.t('leadership.conduct.title'), breadcrumbs: crumbs(req, { label: req.t('leadership.conduct.title') }), ...STYLE },
      <ConductListPage req={req} rows={rows} names={new Map(staff.map((s) => [s.id, s.display_name]))} />);
  });
  app.get<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/phan-anh-can-bo/:id', guard, (req, reply) => show(app, req, reply));

  app.post<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/phan-anh-can-bo/:id/phan-cong', guard, async (req, reply) => {
      const r = await managedReport(app, req);
      const { fields } = await readForm(req);
      const officialId = uuidOrNull(fields.officialId);
      const handlerId = uuidOrNull(fields.handlerId);
      if (officialId && officialId === handlerId) return show(app, req, reply, req.t('leadership.conduct.handlerIsOfficial'), 422);
      await withUnit(app.db, req.unit!.id, async (trx) => {
        await assignConductReport(trx, r.id, officialId, handlerId);
        await audit(trx, req, { action: 'leadership.conduct_assign', entity: 'leadership_conduct_report', entityId: r.id,
          before: { official_id: r.official_id, handler_id: r.handler_id }, after: { official_id: officialId, handler_id: handlerId } });
      });
      return reply.redirect(`${base(req)}/phan-anh-can-bo/${r.id}`, 303);
    });

  /** Handle the report as a denunciation: the reporter's identity moves with it, still confidential. */
  app.post<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/phan-anh-can-bo/:id/to-cao', guard, async (req, reply) => {
      const r = await managedReport(app, req);
      if (r.case_id) throw AppError.conflict('leadership.error.conduct_became_case');
      const cal = await unitCalendar(app.db, req.unit!.id);
      const out = await withUnit(app.db, req.unit!.id, async (trx) => {
        const ids = await reporterIdentities(trx, r.id);
        const receivedOn = vnDateOf(new Date(r.received_at));
        const c = await createCase(trx, req.unit!.id, cal, {
          kind: 'denunciation', matter: r.content, receivedOn, decisionKnownOn: null, complex: false, source: 'conduct',
          handlerId: r.handler_id, concernedOfficialId: r.official_id, parties: ids as any,
        }, vnToday());
        if (!c.ok) return c;
        await markConductReportCase(trx, r.id, c.id);
        await audit(trx, req, { action: 'leadership.conduct_to_case', entity: 'leadership_conduct_report', entityId: r.id, after: { case: c.code } });
        return c;
      });
      if (out.ok) return reply.redirect(`${base(req)}/vu-viec/${out.code}`, 303);
      return show(app, req, reply, 'anonymous' in out ? req.t('leadership.conduct.anonymousNoCase') : Object.values(out.errors).join(' '), 422);
    });

  app.post<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/phan-anh-can-bo/:id/thong-tin', guard, async (req, reply) => {
      const r = await managedReport(app, req);
      await withUnit(app.db, req.unit!.id, async (trx) => {
        await markConductReportInformation(trx, r.id);
        await audit(trx, req, { action: 'leadership.conduct_information', entity: 'leadership_conduct_report', entityId: r.id });
      });
      return reply.redirect(`${base(req)}/phan-anh-can-bo/${r.id}`, 303);
    });
}
