import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { readForm } from '../../core/http/forms.js';
import { listResidentialGroups } from '../../core/org.js';
import { renderPage } from '../../web/render.js';
import { inUnit, type CommunityContext, type Trx } from './context.js';
import { sendCode, type CodeChannel } from './polls/messaging.js';
import { codeText, issueCode, membersForOtp, voteWithCode } from './polls/otp-flow.js';
import * as repo from './polls/repo.js';
import { pollResults } from './polls/results.js';
import { scopeName } from './routes-polls-staff.js';
import { PollPage, PublicPollList, PublicResults, VoteForm } from './views/poll-public.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

type CodeReq = FastifyRequest<{ Params: { unit: string; code: string; doc?: string } }>;
const opts = (req: FastifyRequest, title: string) => ({ title, current: 'bieu-quyet', styles: ['css/community.css'] });

async function publicPoll(trx: Trx, code: string): Promise<repo.PollRow> {
  const p = /^[a-z0-9]{4,16}$/.test(code) ? await repo.getPollByCode(trx, code) : undefined;
  if (!p || p.status === 'draft') throw AppError.notFound('community.error.poll_not_found');
  return p;
}

async function showPoll(req: CodeReq, reply: FastifyReply, error?: string, status = 200, phone?: string) {
  const d = await inUnit(req, async (trx) => {
    const poll = await publicPoll(trx, req.params.code);
    return { poll, groups: await listResidentialGroups(trx), options: await repo.listOptions(trx, poll.id),
      documents: await repo.listDocuments(trx, poll.id) };
  });
  return renderPage(req, reply, opts(req, d.poll.title), <PollPage req={req} poll={d.poll} scope={scopeName(req, d.poll, d.groups)}
    options={d.options} documents={d.documents} error={error} phone={phone} />, status);
}

const channelOf = (v: unknown): CodeChannel => (v === 'zalo' ? 'zalo' : 'sms');

async function requestCode(ctx: CommunityContext, req: CodeReq, reply: FastifyReply) {
  const { fields } = await readForm(req);
  const channel = channelOf(fields.kenh);
  let issued;
  try {
    issued = await inUnit(req, async (trx) => {
      const poll = await publicPoll(trx, req.params.code);
      return { poll, code: await issueCode(trx, ctx, poll, fields.phone ?? '', channel), options: await repo.listOptions(trx, poll.id) };
    });
  } catch (e) {
    if (e instanceof AppError && e.status !== 404) return showPoll(req, reply, e.text(req.t), e.status, fields.phone);
    if (e instanceof AppError && e.message === 'community.error.phone_not_registered') {
      return showPoll(req, reply, e.text(req.t), 404, fields.phone);
    }
    throw e;
  }
  await sendCode(req.log, channel, issued.code.phone, codeText(issued.code.code, issued.poll.title));
  const members = issued.poll.basis === 'resident' ? await inUnit(req, (trx) => membersForOtp(trx, issued.poll.id, issued.code.otpId)) : [];
  return renderPage(req, reply, opts(req, issued.poll.title),
    <VoteForm req={req} poll={issued.poll} options={issued.options} otpId={issued.code.otpId}
    household={issued.code.householdLabel} members={members} channel={channel} />);
}

async function vote(ctx: CommunityContext, req: CodeReq, reply: FastifyReply) {
  const { fields, lists } = await readForm(req);
  let failure: { status: number; message: string } | null = null;
  let poll: repo.PollRow | undefined;
  try {
    const r = await inUnit(req, async (trx) => {
      poll = await publicPoll(trx, req.params.code);
      return voteWithCode(trx, ctx, poll, { otpId: fields.otp ?? '', code: fields.code ?? '', optionId: fields.option ?? '',
        memberId: fields.member || null, channel: 'web',
        declareAppToday: (lists.app ?? []).includes('yes') ? vnToday() : null });
    });
    if (!r.ok) failure = { status: r.status, message: req.t(r.message) };
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500 || !poll) throw e;
    failure = { status: e.status, message: e.text(req.t) };
  }
  if (!failure) return reply.redirect(`/${req.params.unit}/bieu-quyet/${req.params.code}/cam-on`, 303);
  const d = await inUnit(req, async (trx) => ({ options: await repo.listOptions(trx, poll!.id),
    members: poll!.basis === 'resident' ? await membersForOtp(trx, poll!.id, fields.otp ?? '') : [] }));
  return renderPage(req, reply, opts(req, poll!.title), <VoteForm req={req} poll={poll!} options={d.options} otpId={fields.otp ?? ''}
    household="" members={d.members} channel={channelOf(fields.kenh)} error={failure.message} />, failure.status);
}

export function registerPollPublicRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };
  app.get('/:unit/bieu-quyet', async (req, reply) => {
    const polls = (await inUnit(req, (trx) => repo.listPolls(trx))).filter((p) => p.status !== 'draft');
    return renderPage(req, reply, opts(req, req.t('community.public.title')), <PublicPollList req={req} polls={polls} />);
  });
  app.get('/:unit/bieu-quyet/:code', (req, reply) => showPoll(req as CodeReq, reply));
  app.post('/:unit/bieu-quyet/:code/ma', limited, (req, reply) => requestCode(ctx, req as CodeReq, reply));
  app.post('/:unit/bieu-quyet/:code/bo-phieu', limited, (req, reply) => vote(ctx, req as CodeReq, reply));
  app.get('/:unit/bieu-quyet/:code/cam-on', async (req, reply) => {
    const r = req as CodeReq;
    const poll = await inUnit(r, (trx) => publicPoll(trx, r.params.code));
    return renderPage(r, reply, opts(r, req.t('community.vote.thanks')), <>
      <h1>{req.t('community.vote.thanks')}</h1><p>{req.t('community.vote.thanks_body', { title: poll.title })}</p>
      <p><a href={`/${r.params.unit}/bieu-quyet/${poll.code}/ket-qua`}>{req.t('community.public.participation_link')}</a></p></>);
  });
  app.get('/:unit/bieu-quyet/:code/ket-qua', async (req, reply) => {
    const r = req as CodeReq;
    const d = await inUnit(r, async (trx) => {
      const poll = await publicPoll(trx, r.params.code);
      return { poll, groups: await listResidentialGroups(trx), results: await pollResults(trx, poll) };
    });
    return renderPage(r, reply, opts(r, req.t('community.results.title')),
      <PublicResults req={r} poll={d.poll} scope={scopeName(r, d.poll, d.groups)} results={d.results} />);
  });
  app.get('/:unit/bieu-quyet/:code/tai-lieu/:doc', async (req, reply) => {
    const r = req as CodeReq;
    const doc = await inUnit(r, async (trx) => {
      const poll = await publicPoll(trx, r.params.code);
      return /^[0-9a-f-]{36}$/i.test(r.params.doc ?? '') ? repo.getDocument(trx, poll.id, r.params.doc!) : undefined;
    });
    if (!doc) throw AppError.notFound('community.error.document_not_found');
    return reply.type(doc.mimetype || 'application/octet-stream').header('content-disposition',
      `attachment; filename="${encodeURIComponent(doc.filename)}"`).send(doc.data);
  });
}
