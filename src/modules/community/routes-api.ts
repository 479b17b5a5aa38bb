import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { withUnit } from '../../core/tenancy.js';
import { inUnit, type CommunityContext } from './context.js';
import { sendCode } from './polls/messaging.js';
import { codeText, issueCode, voteWithCode } from './polls/otp-flow.js';
import { groupCodes } from './groups/repo.js';
import * as repo from './polls/repo.js';
import { pollResults } from './polls/results.js';
import { pollPhase } from './polls/rules.js';
import { pollLink } from './polls/link.js';
import { unitOf } from '../../core/http/forms.js';

const UnitParams = Type.Object({ unit: Type.String() });
const PollParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Rate = Type.Union([Type.Number(), Type.Null()]);
const PollItem = Type.Object({
  id: Type.String(), code: Type.String(), title: Type.String(), matter: Type.String(), group_code: Type.Union([Type.String(), Type.Null()]),
  basis: Type.String(), secret: Type.Boolean(), opens_at: Type.String(), closes_at: Type.String(), phase: Type.String(), url: Type.String(),
  quorum_percent: Type.Number(), threshold_percent: Type.Number(), threshold_base: Type.String(),
  options: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), votes: Type.Union([Type.Integer(), Type.Null()]) })),
  participation: Type.Object({ eligible: Type.Integer(), participants: Type.Integer(), rate: Rate }),
  result: Type.Union([Type.Null(), Type.Object({ quorum_met: Type.Boolean(), adopted_option_id: Type.Union([Type.String(),
    Type.Null()]) })]),
});
const CodeBody = Type.Object({ phone: Type.String({ maxLength: 20 }), channel: Type.Optional(Type.Union([Type.Literal('sms'),
  Type.Literal('zalo')])) }, { additionalProperties: false });
const VoteBody = Type.Object({
  otp_id: Type.String({ format: 'uuid' }), code: Type.String({ pattern: '^\\d{6}$' }), option_id: Type.String({ format: 'uuid' }),
  member_id: Type.Optional(Type.String({ format: 'uuid' })),
}, { additionalProperties: false });

/** The poll's unit from the id → unit map; then the request runs in that unit like any other. */
async function pollUnit(app: FastifyInstance, id: string) {
  const unitId = await repo.unitOfPoll(app.db, id);
  if (!unitId) throw AppError.notFound('community.error.poll_not_found');
  return unitId;
}

async function openPoll(trx: Parameters<typeof repo.getPoll>[0], id: string) {
  const poll = await repo.getPoll(trx, id);
  if (!poll || poll.status === 'draft') throw AppError.notFound('community.error.poll_not_found');
  return poll;
}

export function registerApiRoutes(app: FastifyInstance, ctx: CommunityContext): void {
  app.get('/api/v1/units/:unit/polls', {
    schema: { tags: ['community'], summary: 'Community polls and votes of a unit (open, scheduled, closed)', params: UnitParams,
      response: { 200: Type.Object({ items: Type.Array(PollItem) }) } },
  }, async (req) => {
    const unit = unitOf(req);
    const items = await inUnit(req, async (trx) => {
      const groups = await groupCodes(trx);
      const polls = (await repo.listPolls(trx)).filter((p) => p.status !== 'draft');
      return Promise.all(polls.map(async (p) => {
        const r = await pollResults(trx, p);
        const published = !!p.results_published_at;
        return {
          id: p.id, code: p.code, title: p.title, matter: p.matter, group_code: p.group_id ? groups.get(p.group_id) ?? null : null,
          basis: p.basis, secret: p.secret, opens_at: p.opens_at.toISOString(), closes_at: p.closes_at.toISOString(),
          phase: pollPhase(p, new Date()), url: pollLink(app.config.publicUrl, unit.slug, p.code),
          quorum_percent: p.quorum_percent, threshold_percent: p.threshold_percent, threshold_base: p.threshold_base,
          options: r.options.map((o) => ({ id: o.id, label: o.label, votes: published ? o.votes : null })),
          participation: { eligible: r.eligible, participants: r.participants, rate: r.outcome.participationRate },
          result: published ? { quorum_met: r.outcome.quorumMet, adopted_option_id: r.outcome.adoptedOptionId } : null,
        };
      }));
    });
    return { items };
  });

  app.post('/api/v1/polls/:id/codes', {
    schema: { tags: ['community'], summary: 'Send a one-time voting code to the household registered with this phone',
      params: PollParams, body: CodeBody,
      response: { 202: Type.Object({ otp_id: Type.String(), expires_at: Type.String(), household: Type.String() }) } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { id } = req.params as Static<typeof PollParams>;
    const body = req.body as Static<typeof CodeBody>;
    const unitId = await pollUnit(app, id);
    const r = await withUnit(app.db, unitId, async (trx) => {
      const poll = await openPoll(trx, id);
      return { poll, issued: await issueCode(trx, ctx, poll, body.phone, body.channel ?? 'sms') };
    });
    await sendCode(req.log, body.channel ?? 'sms', r.issued.phone, codeText(r.issued.code, r.poll.title));
    return reply.code(202).send({ otp_id: r.issued.otpId, expires_at: r.issued.expiresAt.toISOString(),
      household: r.issued.householdLabel });
  });

  app.post('/api/v1/polls/:id/votes', {
    schema: { tags: ['community'], summary: 'Cast a vote with the one-time code (one vote per household or resident, across all channels)',
      params: PollParams, body: VoteBody, response: { 201: Type.Object({ recorded: Type.Boolean() }) } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req: FastifyRequest, reply) => {
    const { id } = req.params as Static<typeof PollParams>;
    const b = req.body as Static<typeof VoteBody>;
    const unitId = await pollUnit(app, id);
    const r = await withUnit(app.db, unitId, async (trx) => voteWithCode(trx, ctx, await openPoll(trx, id),
      { otpId: b.otp_id, code: b.code, optionId: b.option_id, memberId: b.member_id ?? null, channel: 'api' }));
    if (!r.ok) throw new AppError(r.status,
      r.status === 422 ? 'wrong_code' : r.status === 429 ? 'rate_limited' : r.status === 410 ? 'code_expired' : 'not_found', r.message);
    return reply.code(201).send({ recorded: true });
  });
}
