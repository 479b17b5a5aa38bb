import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { readForm, unitOf } from '../../core/http/forms.js';
import { listResidentialGroups } from '../../core/org.js';
import { renderDocx, renderPdf } from '../../lib/documents/index.js';
import { renderStaffPage } from '../../web/render.js';
import { canEdit, editableGroups, inUnit, isUuid, READ_ROLES, staffBase, WARD_ROLES, type Trx } from './context.js';
import { pollLink } from './polls/link.js';
import { qrSvg } from '../../lib/qr/index.js';
import { pollFieldsOf, newPollCode, validatePoll, type PollFields } from './polls/form.js';
import { pollMinutes } from './polls/minutes.js';
import { tallyCsv, votersCsv } from './polls/export.js';
import { householdGroupOf, householdsOfGroup, membersOfHouseholds } from './households/repo.js';
import * as repo from './polls/repo.js';
import { pollResults } from './polls/results.js';
import { castVote } from './polls/votes.js';
import { PaperForm, PollDetail, PollForm, PollList } from './views/poll-staff.js';

type IdReq = FastifyRequest<{ Params: { unit: string; id: string }; Querystring: Record<string, string | undefined> }>;
const DOC_TYPES = /\.(pdf|docx?|jpe?g|png)$/i;

const crumbs = (req: FastifyRequest, poll?: repo.PollRow) => [{ label: req.t('community.staff_nav'), href: staffBase(req) },
  ...(poll ? [{ label: req.t('community.polls.title'), href: `${staffBase(req)}/bieu-quyet` }] : [])];

export async function loadPoll(trx: Trx, id: string): Promise<repo.PollRow> {
  const p = isUuid(id) ? await repo.getPoll(trx, id) : undefined;
  if (!p) throw AppError.notFound('community.error.poll_not_found');
  return p;
}

export const scopeName = (req: FastifyRequest, poll: repo.PollRow, groups: { id: string; code: string; name: string }[]) =>
  poll.group_id ? groups.find((g) => g.id === poll.group_id)?.name ?? '' : `${req.t('community.whole_ward')} ${unitOf(req).name}`;

async function showCreate(req: FastifyRequest, reply: FastifyReply, f: PollFields, errors?: Record<string, string>, status = 200) {
  const groups = await inUnit(req, (trx) => listResidentialGroups(trx));
  return renderStaffPage(req, reply, { title: req.t('community.polls.create'), current: 'cong-dong',
    styles: ['css/community.css'], breadcrumbs: crumbs(req, {} as never) },
    <><h1>{req.t('community.polls.create')}</h1><PollForm req={req} groups={groups} f={f} errors={errors} /></>, status);
}

async function create(req: FastifyRequest, reply: FastifyReply) {
  const { fields, files } = await readForm(req);
  const f = pollFieldsOf(fields);
  const docs = files.filter((x) => x.field === 'documents' && x.data.length);
  if (docs.some((d) => !DOC_TYPES.test(d.filename))) return showCreate(req, reply, f,
    { documents: 'Tài liệu giải thích nhận PDF, DOCX, JPG hoặc PNG.' }, 422);
  if (docs.some((d) => d.data.length > 10 * 1024 * 1024)) return showCreate(req, reply, f,
    { documents: 'Mỗi tài liệu tối đa 10 MB.' }, 413);
  const r = await inUnit(req, async (trx) => {
    const v = validatePoll(f, new Set((await listResidentialGroups(trx)).map((g) => g.id)));
    if (!v.ok) return v;
    const id = await repo.insertPoll(trx, unitOf(req).id, { ...v.poll, code: newPollCode() }, v.options, req.staff?.userId ?? null);
    for (const d of docs) {
      await repo.insertDocument(trx, unitOf(req).id, id, { filename: d.filename.slice(0, 200), mimetype: d.mimetype, data: d.data });
    }
    await audit(trx, req, { action: 'community.poll.create', entity: 'community_poll', entityId: id, after: { ...v.poll,
      options: v.options, documents: docs.length } });
    return { ok: true as const, id };
  });
  if (!r.ok) return showCreate(req, reply, f, r.errors, 422);
  return reply.redirect(`${staffBase(req)}/bieu-quyet/${r.id}`, 303);
}

async function detail(req: IdReq, reply: FastifyReply) {
  const d = await inUnit(req, async (trx) => {
    const poll = await loadPoll(trx, req.params.id);
    return { poll, groups: await listResidentialGroups(trx), results: await pollResults(trx, poll),
      documents: await repo.listDocuments(trx, poll.id) };
  });
  const link = pollLink(req.server.config.publicUrl, unitOf(req).slug, d.poll.code);
  const notice = req.query.ok ? req.t(`community.poll.done_${req.query.ok}`) : undefined;
  return renderStaffPage(req, reply, { title: d.poll.title, current: 'cong-dong', breadcrumbs: crumbs(req, d.poll),
    styles: ['css/community.css'] },
    <PollDetail req={req} poll={d.poll} groupName={scopeName(req, d.poll,
      d.groups)} results={d.results} link={link} qr={await qrSvg(link)}
      documents={d.documents} notice={notice && !notice.startsWith('community.') ? notice : undefined} />);
}

async function changeStatus(req: IdReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const action = fields.action;
  await inUnit(req, async (trx) => {
    const poll = await loadPoll(trx, req.params.id);
    const before = { status: poll.status, results_published_at: poll.results_published_at };
    if (action === 'open' && poll.status === 'draft') await repo.updatePoll(trx, poll.id, { status: 'open' });
    else if (action === 'close' && poll.status === 'open') {
      const eligible = [...(await repo.eligibleByGroup(trx, poll)).values()].reduce((s, n) => s + n, 0);
      await repo.updatePoll(trx, poll.id, { status: 'closed', eligible_at_close: eligible });
    } else if (action === 'publish' && poll.status === 'closed' && !poll.results_published_at) await repo.updatePoll(trx, poll.id, { results_published_at: new Date() });
    else throw AppError.conflict('community.error.poll_bad_transition');
    await audit(trx, req, { action: `community.poll.${action}`, entity: 'community_poll', entityId: poll.id, before, after: { action } });
  });
  return reply.redirect(`${staffBase(req)}/bieu-quyet/${req.params.id}?ok=${action}`, 303);
}

async function paperVoters(trx: Trx, poll: repo.PollRow, groupId: string) {
  const voted = await repo.participantIds(trx, poll.id);
  const hs = await householdsOfGroup(trx, groupId);
  if (poll.basis === 'household') return hs.map((h) => ({ value: h.id, label: `${h.head_name} – ${h.address}`, voted: voted.has(h.id) }));
  const ms = await membersOfHouseholds(trx, hs.map((h) => h.id));
  const addr = new Map(hs.map((h) => [h.id, h.address]));
  return ms.map((m) => ({ value: `${m.household_id}|${m.id}`, label: `${m.full_name} – ${addr.get(m.household_id)}`,
    voted: voted.has(m.id) }));
}

async function paper(req: IdReq, reply: FastifyReply, post: boolean) {
  const { fields } = post ? await readForm(req) : { fields: {} as Record<string, string> };
  const r = await inUnit(req, async (trx) => {
    const poll = await loadPoll(trx, req.params.id);
    const scope = await editableGroups(trx, req);
    const groups = (await listResidentialGroups(trx)).filter((g) => canEdit(scope, g.id) && (!poll.group_id || g.id === poll.group_id));
    const groupId = poll.group_id ?? (isUuid(req.query.to) ? req.query.to : null);
    if (groupId && !canEdit(scope, groupId)) throw AppError.forbidden('community.error.own_group_paper');
    let error: string | undefined;
    let saved = false;
    if (post && groupId) {
      const [householdId, memberId] = (fields.voter ?? '').split('|');
      const household = isUuid(householdId) ? await householdGroupOf(trx, householdId) : undefined;
      if (!household || household.group_id !== groupId) error = 'Chọn hộ/người bỏ phiếu trong danh sách.';
      else if (!isUuid(fields.option_id)) error = 'Chọn phương án ghi trên phiếu.';
      else {
        try {
          await castVote(trx, { poll, household: household as never, memberId: memberId ?? null, optionId: fields.option_id,
            channel: 'paper', enteredBy: req.staff?.userId ?? null });
          await audit(trx, req, { action: 'community.poll.paper', entity: 'community_poll', entityId: poll.id,
            after: { household: household.id, channel: 'paper' } });
          saved = true;
        } catch (e) {
          if (e instanceof AppError && e.status < 500) error = e.text(req.t); else throw e;
        }
      }
    }
    return { poll, groups, groupId, error, saved, options: await repo.listOptions(trx, poll.id),
      voters: groupId ? await paperVoters(trx, poll, groupId) : [] };
  });
  if (r.poll.status !== 'open') throw AppError.conflict('community.error.paper_when_open');
  return renderStaffPage(req, reply, { title: req.t('community.paper.title'), current: 'cong-dong',
    styles: ['css/community.css'], breadcrumbs: crumbs(req, r.poll) },
    <PaperForm req={req} poll={r.poll} options={r.options} voters={r.voters} groups={r.groups} groupId={r.groupId}
      error={r.error} saved={r.saved} />,
    r.error ? (r.error.includes('đã bỏ phiếu') ? 409 : 422) : 200);
}

async function minutes(req: IdReq, reply: FastifyReply, kind: 'docx' | 'pdf') {
  const d = await inUnit(req, async (trx) => {
    const poll = await loadPoll(trx, req.params.id);
    const groups = await listResidentialGroups(trx);
    return { poll, scope: scopeName(req, poll, groups), results: await pollResults(trx, poll) };
  });
  const doc = pollMinutes(unitOf(req).name, d.poll, d.scope, d.results, new Date());
  const body = kind === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  return reply.type(kind === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf')
    .header('content-disposition', `attachment; filename="bien-ban-${d.poll.code}.${kind}"`).send(body);
}

export function registerPollStaffRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff(READ_ROLES) };
  const ward = { preHandler: app.requireStaff(WARD_ROLES) };
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet', read, async (req, reply) => {
    const d = await inUnit(req, async (trx) => ({ polls: await repo.listPolls(trx), groups: await listResidentialGroups(trx) }));
    return renderStaffPage(req, reply, { title: req.t('community.polls.title'), current: 'cong-dong',
      styles: ['css/community.css'], breadcrumbs: crumbs(req) },
      <PollList req={req} polls={d.polls} groups={d.groups} />);
  });
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/moi', ward, (req, reply) => showCreate(req, reply, pollFieldsOf({})));
  app.post('/quan-tri/:unit/cong-dong/bieu-quyet/moi', ward, create);
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id', read, (req, reply) => detail(req as IdReq, reply));
  app.post('/quan-tri/:unit/cong-dong/bieu-quyet/:id/trang-thai', ward, (req, reply) => changeStatus(req as IdReq, reply));
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id/phieu-giay', read, (req, reply) => paper(req as IdReq, reply, false));
  app.post('/quan-tri/:unit/cong-dong/bieu-quyet/:id/phieu-giay', read, (req, reply) => paper(req as IdReq, reply, true));
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id/bien-ban.docx', read, (req, reply) => minutes(req as IdReq, reply, 'docx'));
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id/bien-ban.pdf', read, (req, reply) => minutes(req as IdReq, reply, 'pdf'));
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id/nguoi-tham-gia.csv', ward, async (req, reply) => {
    const r = req as IdReq;
    const text = await inUnit(r, async (trx) => {
      const poll = await loadPoll(trx, r.params.id);
      await audit(trx, r, { action: 'community.poll.export_voters', entity: 'community_poll', entityId: poll.id });
      return votersCsv(trx, poll);
    });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="nguoi-tham-gia.csv"').send(text);
  });
  app.get('/quan-tri/:unit/cong-dong/bieu-quyet/:id/ket-qua.csv', read, async (req, reply) => {
    const r = req as IdReq;
    const text = await inUnit(r, async (trx) => {
      const poll = await loadPoll(trx, r.params.id);
      return tallyCsv(poll, await pollResults(trx, poll), await repo.ballotsByGroup(trx, poll.id));
    });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ket-qua.csv"').send(text);
  });
}
