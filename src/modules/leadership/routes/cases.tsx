/** Staff pages of complaint and denunciation cases. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { addEvent, applyTransition, caseDocument, caseIdByCode, caseStats, createCase, getCase, listCaseEvents, listCasesWithDue,
  type NewCase, type Party, type Transition } from '../cases.js';
import { recordAnonymousInformation } from '../conduct.js';
import { canSeeIdentity, countIdentities, headOf, insertIdentity, readIdentities } from '../confidentiality.js';
import { unitCalendar } from '../work-calendar.js';
import { CaseDetailPage, CaseListPage, NewCasePage, type CaseEvent, type CaseListRow } from '../views/cases.js';
import { base, CASE_ROLES, crumbs, isUuid, STYLE, text, uuidOrNull, viewerOf } from './common.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

type CodeReq = FastifyRequest<{ Params: { unit: string; code: string }; Querystring: Record<string, string | undefined> }>;
const CODE = /^(KN|TC)-\d{4}-\d{3,}$/;

export function partiesFrom(fields: Record<string, string>): Party[] {
  return [1, 2, 3].map((i) => ({
    name: text(fields[`partyName${i}`]) || null, phone: text(fields[`partyPhone${i}`]) || null, email: null,
    address: text(fields[`partyAddress${i}`]) || null, id_number: null,
  })).filter((p) => p.name || p.phone || p.address);
}

async function caseByCode(app: FastifyInstance, req: CodeReq) {
  if (!CODE.test(req.params.code)) throw AppError.notFound('leadership.error.case_not_found');
  const row = await withUnit(app.db, req.unit!.id, async (trx) => {
    const id = await caseIdByCode(trx, req.params.code);
    return id ? getCase(trx, id) : undefined;
  });
  if (!row) throw AppError.notFound('leadership.error.case_not_found');
  return row;
}

async function showCase(app: FastifyInstance, req: CodeReq, reply: FastifyReply, msg: { error?: string; notice?: string } = {}, status = 200) {
  const c = await caseByCode(app, req);
  const viewer = viewerOf(req);
  const staff = await listStaff(app.db, req.unit!.id);
  const data = await withUnit(app.db, req.unit!.id, async (trx) => {
    const mayReveal = canSeeIdentity(viewer, c, await headOf(trx, req.unit!.id));
    const parties = mayReveal && req.query['danh-tinh'] === '1' ? await readIdentities(trx, req, 'case', c.id) : null;
    const events: CaseEvent[] = await listCaseEvents(trx, c.id);
    return { mayReveal, parties, events, partyCount: await countIdentities(trx, 'case', c.id) };
  });
  return renderStaffPage(req, reply, { title: c.code, breadcrumbs: crumbs(req, { label: req.t('leadership.cases.title'), href: `${base(req)}/vu-viec` }, { label: c.code }), ...STYLE },
    <CaseDetailPage req={req} c={c} {...data} staffNames={new Map(staff.map((s) => [s.id, s.display_name]))} today={vnToday()} {...msg} />,
    status);
}

function transitionFrom(f: Record<string, string>): Transition {
  const on = text(f.on);
  switch (f.action) {
    case 'accept': return { action: 'accept', on, decisionNo: text(f.decisionNo) || null };
    case 'extend': return { action: 'extend', decisionNo: text(f.decisionNo), note: text(f.note) || null };
    case 'resolve': return { action: 'resolve', on, outcome: text(f.outcome), decisionNo: text(f.decisionNo) || null };
    case 'escalate': return { action: 'escalate', note: text(f.note) || null };
    case 'reject': return { action: 'reject', note: text(f.note) };
    default: throw AppError.badRequest('leadership.error.bad_action');
  }
}

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: app.requireStaff(CASE_ROLES) };

  app.get<{ Params: { unit: string } }>('/quan-tri/:unit/lanh-dao/vu-viec', guard, async (req, reply) => {
    const { rows, stats } = await withUnit(app.db, req.unit!.id, async (trx) => ({
      rows: await listCasesWithDue(trx) as CaseListRow[],
      stats: await caseStats(trx),
    }));
    return renderStaffPage(req, reply, { title: req.t('leadership.cases.title'), breadcrumbs: crumbs(req, { label: req.t('leadership.cases.title') }), ...STYLE },
      <CaseListPage req={req} rows={rows} stats={stats} today={vnToday()} />);
  });

  app.get<{ Params: { unit: string } }>('/quan-tri/:unit/lanh-dao/vu-viec/moi', guard, async (req, reply) => {
    const staff = await listStaff(app.db, req.unit!.id);
    return renderStaffPage(req, reply, { title: req.t('leadership.cases.new'), breadcrumbs: crumbs(req, { label: req.t('leadership.cases.new') }), ...STYLE },
      <NewCasePage req={req} values={{ receivedOn: vnToday() }} errors={{}} staff={staff} />);
  });

  app.post<{ Params: { unit: string } }>('/quan-tri/:unit/lanh-dao/vu-viec', guard, async (req, reply) => {
    const { fields } = await readForm(req);
    const input: NewCase = {
      kind: fields.kind === 'denunciation' ? 'denunciation' : 'complaint', matter: text(fields.matter), receivedOn: text(fields.receivedOn),
      decisionKnownOn: text(fields.decisionKnownOn) || null, complex: fields.complex === '1', source: 'direct',
      handlerId: uuidOrNull(fields.handlerId), concernedOfficialId: uuidOrNull(fields.concernedOfficialId), parties: partiesFrom(fields),
    };
    const cal = await unitCalendar(app.db, req.unit!.id);
    const out = await withUnit(app.db, req.unit!.id, async (trx) => {
      const r = await createCase(trx, req.unit!.id, cal, input, vnToday());
      if (r.ok) await audit(trx, req, { action: 'leadership.case_create', entity: 'leadership_case', entityId: r.id, after: { code: r.code, kind: input.kind } });
      if (!r.ok && 'anonymous' in r) {
        const infoId = await recordAnonymousInformation(trx, req.unit!.id, input.matter);
        await audit(trx, req, { action: 'leadership.anonymous_information', entity: 'leadership_conduct_report', entityId: infoId });
      }
      return r;
    });
    if (out.ok) return reply.redirect(`${base(req)}/vu-viec/${out.code}`, 303);
    const staff = await listStaff(app.db, req.unit!.id);
    const page = (errors: Record<string, string>, notice?: string, status = 422) => renderStaffPage(req, reply,
      { title: req.t('leadership.cases.new'), breadcrumbs: crumbs(req, { label: req.t('leadership.cases.new') }), ...STYLE },
      <NewCasePage req={req} values={notice ? { receivedOn: vnToday() } : fields} errors={errors} staff={staff} notice={notice} />,
      status);
    return 'anonymous' in out ? page({}, req.t('leadership.cases.anonymousNotice'), 200) : page(out.errors);
  });

  app.get<{ Params: { unit: string; code: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/vu-viec/:code', guard, (req, reply) => showCase(app, req, reply));

  app.post<{ Params: { unit: string; code: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/vu-viec/:code/buoc', guard, async (req, reply) => {
      const c = await caseByCode(app, req);
      if (c.concerned_official_id === viewerOf(req).userId) throw AppError.forbidden('leadership.error.accused_cannot_handle');
      const { fields } = await readForm(req);
      const step = transitionFrom(fields);
      const error = await withUnit(app.db, req.unit!.id, async (trx) => {
        const e = await applyTransition(trx, c, step, req.staff!.displayName, vnToday());
        if (!e) await audit(trx, req, { action: `leadership.case_${step.action}`, entity: 'leadership_case', entityId: c.id, before: { status: c.status }, after: step });
        return e;
      });
      if (error) return showCase(app, req, reply, { error }, 422);
      return reply.redirect(`${base(req)}/vu-viec/${c.code}`, 303);
    });

  app.post<{ Params: { unit: string; code: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/vu-viec/:code/nguoi', guard, async (req, reply) => {
      const c = await caseByCode(app, req);
      const { fields } = await readForm(req);
      const name = text(fields.name);
      if (name.length < 2) return showCase(app, req, reply, { error: req.t('leadership.party.nameRequired') }, 422);
      await withUnit(app.db, req.unit!.id, async (trx) => {
        if (!canSeeIdentity(viewerOf(req), c, await headOf(trx, req.unit!.id))) throw AppError.forbidden();
        await insertIdentity(trx, req.unit!.id, 'case', c.id, { name, phone: text(fields.phone) || null, email: null, address: text(fields.address) || null, id_number: null });
        await audit(trx, req, { action: 'leadership.case_party_add', entity: 'leadership_case', entityId: c.id });
      });
      return reply.redirect(`${base(req)}/vu-viec/${c.code}?danh-tinh=1`, 303);
    });

  app.post<{ Params: { unit: string; code: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/vu-viec/:code/tai-lieu', guard, async (req, reply) => {
      const c = await caseByCode(app, req);
      const { fields, files } = await readForm(req);
      const file = files.find((f) => f.field === 'file' && f.data.length > 0);
      if (!file) return showCase(app, req, reply, { error: req.t('leadership.cases.fileRequired') }, 422);
      await withUnit(app.db, req.unit!.id, async (trx) => {
        await addEvent(trx, req.unit!.id, c.id, 'document', text(fields.note) || null,
          { actorName: req.staff!.displayName, file: { name: file.filename.slice(0, 200), mime: file.mimetype || 'application/octet-stream', data: file.data } });
        await audit(trx, req, { action: 'leadership.case_document', entity: 'leadership_case', entityId: c.id, after: { file: file.filename } });
      });
      return reply.redirect(`${base(req)}/vu-viec/${c.code}`, 303);
    });

  app.get<{ Params: { unit: string; code: string; id: string }; Querystring: Record<string, string | undefined> }>(
    '/quan-tri/:unit/lanh-dao/vu-viec/:code/tai-lieu/:id', guard, async (req, reply) => {
      const c = await caseByCode(app, req);
      if (!isUuid(req.params.id)) throw AppError.notFound();
      const f = await withUnit(app.db, req.unit!.id, (trx) => caseDocument(trx, c.id, req.params.id));
      if (!f?.file_data) throw AppError.notFound();
      return reply.type('application/octet-stream').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.file_name as string)}`)
        .send(f.file_data);
    });
}
