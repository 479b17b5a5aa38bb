import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { pageParam } from '../../web/components/display.js';
import { Q, query, queryFlag, withQuery, type QueryOf } from '../../core/http/query.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, READER_ROLES, staffBase, staffName, WRITER_ROLES } from './context.js';
import { dossierForLetter } from '../dossiers/index.js';
import { isLetterKind } from './domain/kinds.js';
import { letterFromDossier } from './from-dossier.js';
import { exportLetters } from './export.js';
import { formValuesOf, letterInputOf } from './letter-input.js';
import { createLetter, deleteDraft, editDraft, moveLetter, STATUSES } from './letters-service.js';
import * as repo from './repo-letters.js';
import type { LetterChannel, LetterFilter, LetterStatus } from './repo-letters.js';
import { LetterDetailPage } from './views/letter-detail-page.js';
import { KindPicker, LetterForm, type FormValues } from './views/letter-form-page.js';
import { RegisterPage } from './views/register-page.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string } }>;
const PAGE_SIZE = 30;

/** The register's filter in a query string (page and API): unknown kinds and statuses are ignored. */
export const LETTER_QUERY = query({ loai: Q.text(40), 'trang-thai': Q.text(40), nam: Q.year, q: Q.text(100), trang: Q.page });
type LetterQuery = QueryOf<typeof LETTER_QUERY>;
type LetterReq = FastifyRequest<{ Querystring: LetterQuery }>;

export function filterOf(q: LetterQuery): LetterFilter {
  const year = q.nam ?? NaN;
  return {
    kind: isLetterKind(q.loai) ? q.loai : undefined,
    status: STATUSES.includes(q['trang-thai'] as LetterStatus) ? (q['trang-thai'] as LetterStatus) : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: str(q.q).slice(0, 100) || undefined,
  };
}

async function register(req: LetterReq, reply: FastifyReply) {
  const q = req.query;
  const filter = filterOf(q);
  const page = pageParam(q);
  const { rows, total } = await inUnit(req, (trx) => repo.listLetters(trx, unitOf(req).id, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE));
  const qs = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'trang' && v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
  return renderStaffPage(req, reply, { title: req.t('outreach.register.title'), current: 'thu', styles: ['css/outreach.css'] },
    <RegisterPage req={req} rows={rows} total={total} page={page} pageSize={PAGE_SIZE} filter={filter} exportQuery={qs ? `?${qs}` : ''} />);
}

function showForm(req: FastifyRequest, reply: FastifyReply, values: FormValues, errors?: Record<string, string>, status = 200) {
  const kind = values.kind;
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  const o = { title: req.t('outreach.register.new'), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] };
  if (!isLetterKind(kind)) return renderStaffPage(req, reply, o, <KindPicker req={req} />);
  return renderStaffPage(req, reply, o, <LetterForm req={req} kind={kind} values={values} errors={errors} />, status);
}

async function create(req: FastifyRequest, reply: FastifyReply) {
  const { fields } = await readForm(req);
  try {
    const l = await inUnit(req, (trx) => createLetter(trx, req, unitOf(req), letterInputOf(fields), new Date(), staffName(req)));
    return reply.redirect(`${staffBase(req, 'thu')}/${l.id}?moi=1`, 303);
  } catch (e) {
    if (e instanceof AppError && e.status === 422) return showForm(req, reply, fields, e.details as Record<string, string>, 422);
    throw e;
  }
}

async function detail(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, status = 200) {
  const r = req as IdReq;
  const { l, visits } = await inUnit(r, async (trx) => {
    const l = await repo.getLetter(trx, unitOf(r).id, r.params.id);
    if (!l) throw AppError.notFound('outreach.error.letter_not_found');
    return { l, visits: await repo.visitsOf(trx, unitOf(r).id, l.id) };
  });
  const notice = queryFlag(r, 'moi') ? req.t('outreach.letter.created_notice') : undefined;
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  return renderStaffPage(req, reply, { title: req.t(`outreach.kind.${l.kind}`), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] },
    <LetterDetailPage req={req} l={l} visits={visits} notice={notice} errors={errors} />, status);
}

async function withErrors(req: FastifyRequest, reply: FastifyReply, fn: () => Promise<unknown>) {
  try {
    await fn();
    return reply.redirect(`${staffBase(req, 'thu')}/${(req as IdReq).params.id}`, 303);
  } catch (e) {
    if (e instanceof AppError && e.status === 422) return detail(req, reply, e.details as Record<string, string>, 422);
    throw e;
  }
}

const VISIT_KINDS = ['visit', 'funeral'];
const NEW_LETTER_QUERY = query({ loai: Q.text(40), 'ho-so': Q.text(40) });

export function registerLetterRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff([...READER_ROLES]) };
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get<{ Querystring: LetterQuery }>('/quan-tri/:unit/thu', withQuery(read, LETTER_QUERY), register);
  app.get<{ Querystring: QueryOf<typeof NEW_LETTER_QUERY> }>('/quan-tri/:unit/thu/tao', withQuery(write, NEW_LETTER_QUERY), async (req, reply) => {
    const kind = req.query.loai ?? '';
    const code = req.query['ho-so'] ?? '';
    if (!code || !(kind === 'condolence' || kind === 'marriage' || kind === 'apology')) return showForm(req, reply, { kind });
    const d = await dossierForLetter(req.server.db, unitOf(req).id, code);
    if (!d) throw AppError.notFound('outreach.error.dossier_not_found');
    return showForm(req, reply, formValuesOf(letterFromDossier(kind, d)));
  });
  app.post('/quan-tri/:unit/thu', write, create);
  for (const format of ['xlsx', 'csv'] as const) {
    app.get<{ Querystring: LetterQuery }>(`/quan-tri/:unit/thu/so-thu.${format}`, withQuery(read, LETTER_QUERY), async (req, reply) => {
      const rows = await inUnit(req, async (trx) => (await repo.listLetters(trx, unitOf(req).id, filterOf(req.query), 10000, 0)).rows);
      const { body, type } = await exportLetters(rows, format);
      return reply.type(type).header('content-disposition', `attachment; filename="so-thu.${format}"`).send(body);
    });
  }
  app.get('/quan-tri/:unit/thu/:id', read, (req, reply) => detail(req, reply));
  app.post('/quan-tri/:unit/thu/:id/trang-thai', write, async (req, reply) => {
    const r = req as IdReq;
    const { fields } = await readForm(r);
    await inUnit(r, (trx) => moveLetter(trx, r, unitOf(r).id, r.params.id, fields.status as LetterStatus, new Date()));
    return reply.redirect(`${staffBase(r, 'thu')}/${r.params.id}`, 303);
  });
  app.post('/quan-tri/:unit/thu/:id/sua', write, async (req, reply) => {
    const r = req as IdReq;
    const { fields } = await readForm(r);
    return withErrors(r, reply, () => inUnit(r, (trx) => editDraft(trx, r, unitOf(r).id, r.params.id, {
      subject: str(fields.subject), body: str(fields.body), honorific: str(fields.honorific),
      channel: str(fields.channel) as LetterChannel, with_signature: fields.with_signature === '1',
    })));
  });
  app.post('/quan-tri/:unit/thu/:id/xoa', write, async (req, reply) => {
    const r = req as IdReq;
    await inUnit(r, (trx) => deleteDraft(trx, r, unitOf(r).id, r.params.id, new Date()));
    return reply.redirect(staffBase(r, 'thu'), 303);
  });
  app.post('/quan-tri/:unit/thu/:id/tham-vieng', write, async (req, reply) => {
    const r = req as IdReq;
    const { fields } = await readForm(r);
    return withErrors(r, reply, () => inUnit(r, async (trx) => {
      const l = await repo.getLetter(trx, unitOf(r).id, r.params.id);
      if (!l || l.kind !== 'condolence') throw AppError.notFound('outreach.error.condolence_not_found');
      const errors: Record<string, string> = {};
      if (!VISIT_KINDS.includes(fields.visit_kind)) errors.visit_kind = 'Chọn thăm hỏi gia đình hoặc dự lễ tang.';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(str(fields.visited_on))) errors.visited_on = 'Nhập ngày thăm viếng.';
      if (!str(fields.attendees)) errors.attendees = 'Nhập người đi thăm viếng.';
      if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.visit_invalid', errors);
      const v = await repo.insertVisit(trx, unitOf(r).id, { letter_id: l.id, kind: fields.visit_kind as 'visit' | 'funeral', visited_on: fields.visited_on, attendees: str(fields.attendees), note: str(fields.note) });
      await audit(trx, r, { action: 'letter.visit', entity: 'letter', entityId: l.id, after: { kind: v.kind, visited_on: v.visited_on } });
    }));
  });
}
