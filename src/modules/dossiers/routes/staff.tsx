import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { pageParam } from '../../../web/components/display.js';
import { renderStaffPage } from '../../../web/render.js';
import { nextWorkingDay, vnDateOf } from '../../../lib/vn-calendar/index.js';
import { isDueSoon } from '../domain/deadline.js';
import { promisedDate } from '../domain/rules.js';
import { isDossierStatus } from '../domain/states.js';
import { decidingUnits as listDecidingUnits, getSettings } from '../repo/dossiers.js';
import { listDossiers, pendingApologyCount } from '../repo/list.js';
import { issueApology, markApologySent } from '../service/apology.js';
import { loadFormContext } from '../service/forms.js';
import { receiveDossier } from '../service/intake.js';
import { searchUnitProcedures, unitProcedures } from '../service/procedures.js';
import { transitionDossier } from '../service/transitions.js';
import { DetailPage } from '../views/detail-page.js';
import { IntakePage } from '../views/intake-page.js';
import { ListPage } from '../views/list-page.js';
import { qrSvg } from '../../../lib/qr/index.js';
import { dossierFeeQr } from '../service/fee-qr.js';
import { READ_ROLES, WRITE_ROLES, depsOf, officerOf, type UnitReq } from './context.js';
import { withQuery, PAGED } from '../../../core/http/query.js';

const DEADLINE_FILTERS: Record<string, 'overdue' | 'due_soon' | 'due_today' | undefined> = {
  'qua-han': 'overdue', 'sap-den-han': 'due_soon', 'hom-nay': 'due_today',
};

const STYLE = { styles: ['css/dossiers.css'], current: 'ho-so' };

async function listPage(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const deps = depsOf(app);
  const unitId = req.unit!.id;
  const now = deps.now();
  const today = vnDateOf(now);
  const soonUntil = nextWorkingDay(await deps.calendar(unitId), today);
  const status = isDossierStatus(req.query['trang-thai']) ? req.query['trang-thai'] : undefined;
  const deadline = DEADLINE_FILTERS[req.query.han ?? ''];
  const q = (req.query.q ?? '').trim().slice(0, 100) || undefined;
  const home = req.query['tai-nha'] === '1';
  const apologyPending = req.query['xin-loi'] === 'cho-gui';
  const page = pageParam(req.query);
  const [{ rows, total }, pendingSms] = await withUnit(app.db, unitId, async (trx) => [
    await listDossiers(trx, unitId, { status, deadline, q, homeService: home, apologyPending, today, soonUntil, page, pageSize: 25 }),
    await pendingApologyCount(trx, unitId),
  ] as const);
  return renderStaffPage(req, reply, { title: req.t('dossiers.list.title'), ...STYLE },
    <ListPage req={req} rows={rows} total={total} page={page} pageSize={25} now={now} pendingSms={pendingSms} filters={{ status, deadline: req.query.han, q, home, apologyPending }} />);
}

async function decidingUnits(app: FastifyInstance) {
  return listDecidingUnits(app.db);
}

async function intakePage(app: FastifyInstance, req: UnitReq, reply: FastifyReply, values: Record<string, string> = {}, errors: Record<string, string> = {}, status = 200) {
  const search = (req.query.tim ?? '').trim().slice(0, 100);
  const [all, found, units] = await Promise.all([
    unitProcedures(app.db, req.unit!.id), search ? searchUnitProcedures(app.db, req.unit!.id, search) : Promise.resolve(null), decidingUnits(app),
  ]);
  // A procedure picked from the search results: selected, and its papers listed from the catalogue.
  const picked = all.find((p) => p.key === (values.procedureKey || req.query['thu-tuc']));
  const filled = picked && !values.papers ? { ...values, procedureKey: picked.key, papers: picked.documents.join('\n') } : values;
  return renderStaffPage(req, reply, { title: req.t('dossiers.intake.title'), ...STYLE },
    <IntakePage req={req} procedures={all} units={units} values={filled} errors={errors} search={search} found={found} />, status);
}

async function intake(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const units = await decidingUnits(app);
  const deciding = units.some((u) => u.id === fields.decidingUnitId) ? fields.decidingUnitId : req.unit!.id;
  try {
    const d = await receiveDossier(depsOf(app), req.unit!.id, {
      procedureKey: fields.procedureKey ?? '', applicantName: fields.applicantName ?? '', applicantPhone: fields.applicantPhone,
      applicantEmail: fields.applicantEmail, applicantAddress: fields.applicantAddress, channel: fields.channel ?? '',
      complete: fields.complete !== 'no', missingPapers: fields.missingPapers, decidingUnitId: deciding, homeService: fields.homeService === '1',
      papers: (fields.papers ?? '').split(/\r?\n/),
    }, officerOf(req));
    return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/${encodeURIComponent(d.code)}?moi=1`, 303);
  } catch (e) {
    if (e instanceof AppError && e.status === 422) return intakePage(app, req, reply, fields, e.details as Record<string, string>, 422);
    throw e;
  }
}

interface DetailExtras { notice?: string; error?: string; errors?: Record<string, string>; apologyValues?: Record<string, string>; status?: number }

async function detailPage(app: FastifyInstance, req: UnitReq, reply: FastifyReply, extras: DetailExtras = {}) {
  const deps = depsOf(app);
  const ctx = await loadFormContext(deps, req.unit!.id, req.params.code ?? '');
  const cal = await deps.calendar(ctx.dossier.unit_id);
  const settings = await withUnit(app.db, req.unit!.id, (trx) => getSettings(trx, req.unit!.id));
  const names = new Map([[ctx.dossier.unit_id, ctx.decidingUnitName], [ctx.dossier.receiving_unit_id, ctx.unitName]]);
  const notice = extras.notice ?? (req.query.moi ? req.t('dossiers.detail.received', { code: ctx.dossier.code }) : req.query['xin-loi'] ? req.t(`dossiers.detail.apology_done_${ctx.apologies.at(-1)?.send_status ?? 'queued'}`) : req.query['da-gui'] ? req.t('dossiers.apology.marked_sent') : req.query['da-cap-nhat'] ? req.t('dossiers.detail.done') : undefined);
  return renderStaffPage(req, reply, { title: req.t('dossiers.detail.title', { code: ctx.dossier.code }), ...STYLE },
    <DetailPage req={req} d={ctx.dossier} events={ctx.events} pauses={ctx.pauses} apologies={ctx.apologies} unitNames={names} now={ctx.now}
      dueSoon={isDueSoon(cal, promisedDate(ctx.dossier), ctx.now)} notice={notice} error={extras.error} errors={extras.errors}
      apologyValues={extras.apologyValues} leader={{ name: settings.leader_name, title: settings.leader_title }}
      qr={ctx.lookupUrl ? { svg: await qrSvg(ctx.lookupUrl, { margin: 1 }), url: ctx.lookupUrl } : null}
      feeQr={await dossierFeeQr(app.db, ctx.dossier)} />, extras.status ?? 200);
}

async function transition(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  try {
    const d = await transitionDossier(depsOf(app), req.unit!.id, req.params.code ?? '', {
      action: fields.action ?? '', note: fields.note, missingPapers: fields.missingPapers, refusalReason: fields.refusalReason,
    }, officerOf(req));
    return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/${encodeURIComponent(d.code)}?da-cap-nhat=1`, 303);
  } catch (e) {
    if (e instanceof AppError && e.code === 'deciding_unit_only') return detailPage(app, req, reply, { error: req.t('dossiers.error.deciding_unit_only'), status: 403 });
    if (e instanceof AppError && (e.status === 409 || e.status === 422)) return detailPage(app, req, reply, { error: e.text(req.t), status: e.status });
    throw e;
  }
}

async function apology(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  try {
    await issueApology(depsOf(app), req.unit!.id, req.params.code ?? '', {
      reason: fields.reason ?? '', newDueDate: fields.newDueDate ?? '', leaderName: fields.leaderName ?? '', leaderTitle: fields.leaderTitle ?? '',
    }, officerOf(req));
    return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/${encodeURIComponent(req.params.code ?? '')}?xin-loi=1`, 303);
  } catch (e) {
    if (e instanceof AppError && e.status === 422) return detailPage(app, req, reply, { error: e.text(req.t), errors: e.details as Record<string, string>, apologyValues: fields, status: 422 });
    throw e;
  }
}

async function apologySent(app: FastifyInstance, req: UnitReq, reply: FastifyReply) {
  const number = Number((req.params as { number?: string }).number);
  if (!Number.isInteger(number) || number < 1) throw AppError.notFound('dossiers.error.apology_not_found');
  try {
    await markApologySent(depsOf(app), req.unit!.id, req.params.code ?? '', number, officerOf(req));
  } catch (e) {
    if (e instanceof AppError && e.status === 409) return detailPage(app, req, reply, { error: e.text(req.t), status: 409 });
    throw e;
  }
  return reply.redirect(`/quan-tri/${req.unit!.slug}/ho-so/${encodeURIComponent(req.params.code ?? '')}?da-gui=1`, 303);
}

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const read = { preHandler: app.requireStaff(READ_ROLES), schema: { hide: true } };
  const write = { preHandler: app.requireStaff(WRITE_ROLES), schema: { hide: true } };
  app.get('/quan-tri/:unit/ho-so', withQuery(read, PAGED), (req, reply) => listPage(app, req as UnitReq, reply));
  app.get('/quan-tri/:unit/ho-so/tiep-nhan', write, (req, reply) => intakePage(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/tiep-nhan', write, (req, reply) => intake(app, req as UnitReq, reply));
  app.get('/quan-tri/:unit/ho-so/:code', read, (req, reply) => detailPage(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/:code/chuyen-trang-thai', write, (req, reply) => transition(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/:code/xin-loi', write, (req, reply) => apology(app, req as UnitReq, reply));
  app.post('/quan-tri/:unit/ho-so/:code/xin-loi/:number/da-gui', write, (req, reply) => apologySent(app, req as UnitReq, reply));
}
