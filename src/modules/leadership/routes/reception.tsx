/** Citizen reception: sessions, entries (optionally opening a case), the reception book and its export. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { Q, query, withQuery, type QueryOf } from '../../../core/http/query.js';
import { listStaff } from '../../../core/org.js';
import { withUnit } from '../../../core/tenancy.js';
import { addDays, isoWeekOf, vnToday } from '../../../lib/vn-calendar/index.js';
import { renderStaffPage } from '../../../web/render.js';
import { bookFile } from '../book-export.js';
import { createCase } from '../cases.js';
import { headOf, identityNamesByOwner, insertIdentity } from '../confidentiality.js';
import { finishedWeeks } from '../weeks.js';
import { addEntry, addSession, CLASSIFICATIONS, getSession, hostedSessionDays, listEntries, listSessions, receptionBook, SESSION_KINDS,
  sessionsPerMonth, visitorLabel, type Classification, type SessionKind } from '../reception.js';
import { unitCalendar } from '../work-calendar.js';
import { BookPage, ReceptionListPage, SessionPage, type MonthRow } from '../views/reception.js';
import { base, crumbs, DATE, dateOr, needUuid, RECORD_ROLES, STYLE, text } from './common.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string } }>;
const CONTENT_TYPES = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function listPage(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  const staff = await listStaff(app.db, req.unit!.id);
  const year = vnToday().slice(0, 4);
  const { sessions, months } = await withUnit(app.db, req.unit!.id, async (trx) => ({
    sessions: await listSessions(trx),
    months: await sessionsPerMonth(trx, year + '-01-01', vnToday()) as MonthRow[],
  }));
  const chairman = await chairmanWeeks(app, req.unit!.id, Number(year));
  return renderStaffPage(req, reply, { title: req.t('leadership.reception.title'), breadcrumbs: crumbs(req, { label: req.t('leadership.reception.title') }), ...STYLE },
    <ReceptionListPage req={req} sessions={sessions} months={months} chairman={chairman} staff={staff}
      values={{ heldOn: vnToday(), ...values }} errors={errors} />,
    Object.keys(errors).length ? 422 : 200);
}

/** Law on Citizen Reception art. 15(2)(d): the chairman receives citizens at least one day a week. */
async function chairmanWeeks(app: FastifyInstance, unitId: string, year: number): Promise<{ held: number; weeks: number; missed: string[] }> {
  const weeks = finishedWeeks(year, vnToday());
  return withUnit(app.db, unitId, async (trx) => {
    const head = await headOf(trx, unitId);
    if (!weeks.length || !head) return { held: 0, weeks: weeks.length, missed: [] };
    const days = await hostedSessionDays(trx, head, weeks[0], addDays(weeks[weeks.length - 1], 6));
    const met = new Set(days.map((d) => isoWeekOf(d).monday));
    const missed = weeks.filter((w) => !met.has(w));
    return { held: weeks.length - missed.length, weeks: weeks.length, missed };
  });
}

async function sessionPage(app: FastifyInstance, req: IdReq, reply: FastifyReply, values: Record<string, string> = {}, errors: Record<string, string> = {}, notice?: string) {
  const data = await withUnit(app.db, req.unit!.id, async (trx) => {
    const s = await getSession(trx, needUuid(req.params.id));
    if (!s) return null;
    const entries = await listEntries(trx, s.id);
    const names = await identityNamesByOwner(trx, 'reception_entry', entries.map((e) => e.id));
    return { s, entries, visitors: new Map(entries.map((e) => [e.id, visitorLabel(e.classification, names.get(e.id) ?? null)])) };
  });
  if (!data) throw AppError.notFound('leadership.error.reception_not_found');
  return renderStaffPage(req, reply, { title: req.t('leadership.reception.session'),
    breadcrumbs: crumbs(req, { label: req.t('leadership.reception.title'), href: `${base(req)}/tiep-cong-dan` }, { label: req.t('leadership.reception.session') }), ...STYLE },
    <SessionPage req={req} {...data} values={values} errors={errors} notice={notice} />, Object.keys(errors).length ? 422 : 200);
}

export async function receptionRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: app.requireStaff(RECORD_ROLES) };
  app.get('/quan-tri/:unit/lanh-dao/tiep-cong-dan', guard, (req, reply) => listPage(app, req, reply));

  app.post('/quan-tri/:unit/lanh-dao/tiep-cong-dan', guard, async (req, reply) => {
    const { fields } = await readForm(req);
    const staff = await listStaff(app.db, req.unit!.id);
    const host = staff.find((s) => s.id === fields.hostUserId);
    const errors: Record<string, string> = {};
    if (!SESSION_KINDS.includes(fields.kind as SessionKind)) errors.kind = req.t('leadership.error.invalid');
    if (!DATE.test(text(fields.heldOn)) || text(fields.heldOn) > addDays(vnToday(), 60)) errors.heldOn = req.t('leadership.error.date');
    if (!host) errors.hostUserId = req.t('leadership.error.host');
    if (!text(fields.place)) errors.place = req.t('leadership.error.required');
    if (Object.keys(errors).length) return listPage(app, req, reply, fields, errors);
    const id = await withUnit(app.db, req.unit!.id, async (trx) => {
      const id = await addSession(trx, req.unit!.id, { kind: fields.kind as SessionKind, held_on: text(fields.heldOn), host_user_id: host!.id,
        host_name: host!.display_name, host_title: host!.title, place: text(fields.place), topic: text(fields.topic) || null });
      await audit(trx, req, { action: 'leadership.reception_session', entity: 'leadership_reception', entityId: id, after: { kind: fields.kind, heldOn: fields.heldOn } });
      return id;
    });
    return reply.redirect(`${base(req)}/tiep-cong-dan/${id}`, 303);
  });

  app.get<{ Params: { unit: string; id: string }; Querystring: PeriodQuery }>('/quan-tri/:unit/lanh-dao/tiep-cong-dan/:id', withQuery(guard, PERIOD_QUERY), async (req, reply) => {
    if (req.params.id === 'so') return bookPage(app, req, reply);
    return sessionPage(app, req, reply);
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/lanh-dao/tiep-cong-dan/:id/luot', guard, async (req, reply) => {
    const { fields } = await readForm(req);
    const errors: Record<string, string> = {};
    const people = Number(fields.people || '1');
    if (!Number.isInteger(people) || people < 1 || people > 500) errors.people = req.t('leadership.error.people');
    if (text(fields.matter).length < 5) errors.matter = req.t('leadership.error.matter');
    if (!CLASSIFICATIONS.includes(fields.classification as Classification)) errors.classification = req.t('leadership.error.invalid');
    if (!text(fields.handling)) errors.handling = req.t('leadership.error.required');
    if (Object.keys(errors).length) return sessionPage(app, req, reply, fields, errors);
    const cal = await unitCalendar(app.db, req.unit!.id);
    const out = await withUnit(app.db, req.unit!.id, async (trx) => {
      const s = await getSession(trx, needUuid(req.params.id));
      if (!s) throw AppError.notFound('leadership.error.reception_not_found');
      const classification = fields.classification as Classification;
      const visitor = { name: text(fields.visitorName) || null, phone: text(fields.visitorPhone) || null, email: null, address: text(fields.visitorAddress) || null, id_number: null };
      let caseId: string | null = null;
      let caseNote: string | undefined;
      if (fields.openCase === '1' && (classification === 'complaint' || classification === 'denunciation')) {
        const c = await createCase(trx, req.unit!.id, cal, { kind: classification, matter: text(fields.matter), receivedOn: s.held_on,
          decisionKnownOn: text(fields.decisionKnownOn) || null, complex: false, source: 'reception', handlerId: null, concernedOfficialId: null,
          parties: visitor.name ? [visitor] : [] }, vnToday());
        if (c.ok) { caseId = c.id; caseNote = req.t('leadership.reception.caseOpened', { code: c.code }); }
        else if ('errors' in c) return { errors: c.errors };
        else caseNote = req.t('leadership.cases.anonymousNotice');
      }
      const id = await addEntry(trx, req.unit!.id, { session_id: s.id, people, matter: text(fields.matter), classification, handling: text(fields.handling), case_id: caseId });
      if (visitor.name || visitor.phone) await insertIdentity(trx, req.unit!.id, 'reception_entry', id, visitor);
      await audit(trx, req, { action: 'leadership.reception_entry', entity: 'leadership_reception', entityId: s.id, after: { entry: id, classification, caseId } });
      return { notice: caseNote ?? req.t('leadership.saved') };
    });
    if ('errors' in out) return sessionPage(app, req, reply, fields, out.errors as Record<string, string>);
    return sessionPage(app, req, reply, {}, {}, out.notice);
  });

  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    app.get<{ Querystring: PeriodQuery }>(`/quan-tri/:unit/lanh-dao/tiep-cong-dan/so.${format}`, withQuery(guard, PERIOD_QUERY), async (req, reply) => {
      const { from, to } = period(req.query);
      const rows = await withUnit(app.db, req.unit!.id, (trx) => receptionBook(trx, from, to));
      const body = await bookFile(format, req.unit!.name, from, to, rows, new Date());
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="so-tiep-cong-dan-${from}-${to}.${format}"`).send(body);
    });
  }
}

const PERIOD_QUERY = query({ tu: Q.day, den: Q.day });
type PeriodQuery = QueryOf<typeof PERIOD_QUERY>;

function period(q: PeriodQuery): { from: string; to: string } {
  const to = dateOr(q.den, vnToday());
  const from = dateOr(q.tu, `${to.slice(0, 4)}-01-01`);
  if (from > to) throw AppError.badRequest('leadership.error.bad_period');
  return { from, to };
}

async function bookPage(app: FastifyInstance, req: FastifyRequest<{ Querystring: PeriodQuery }>, reply: FastifyReply) {
  const { from, to } = period(req.query);
  const rows = await withUnit(app.db, req.unit!.id, (trx) => receptionBook(trx, from, to));
  return renderStaffPage(req, reply, { title: req.t('leadership.reception.book'),
    breadcrumbs: crumbs(req, { label: req.t('leadership.reception.title'), href: `${base(req)}/tiep-cong-dan` }, { label: req.t('leadership.reception.book') }), ...STYLE },
    <BookPage req={req} rows={rows} from={from} to={to} />);
}
