import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { answerErrorMessage } from './answer-errors.js';
import { deviceId, existingDeviceId, inUnit, isAppToken, publicSurvey, type SurveyContext } from './context.js';
import { DEVICE_COOKIE, respondentKey } from './respondent.js';
import * as repo from './repo.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { currentDefinition, submitResponse, type Respondent } from './service.js';
import { unitOf } from '../../core/http/forms.js';

const SlugParams = Type.Object({ unit: Type.String(), slug: Type.String({ maxLength: 100 }) });
const UnitParams = Type.Object({ unit: Type.String() });
const SubmitBody = Type.Object({
  /** question id → option id | option ids | 1..5 | text | { row id: 1..5 } */
  answers: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown()),
  channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('app'), Type.Literal('qr')])),
}, { additionalProperties: false });
const IndexQuery = Type.Object({
  kind: Type.Union([Type.Literal('centre'), Type.Literal('government')]),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
const Interval = Type.Union([Type.Object({ low: Type.Number(), high: Type.Number() }), Type.Null()]);
const IndexResponse = Type.Object({
  kind: Type.String(), year: Type.Integer(), respondents: Type.Integer(),
  index: Type.Union([Type.Number(), Type.Null()]), indexCi: Interval,
  satisfiedShare: Type.Union([Type.Number(), Type.Null()]), satisfiedCi: Interval,
});

const SessionResponse = Type.Object({
  rule: Type.String(),
  /** True when this device (its signed cookie) has already answered. */
  answered: Type.Boolean(),
});

const sessionPath = (unit: string, slug: string) => `/api/v1/units/${unit}/surveys/${slug}/session`;

/**
 * Who answers through the API. For the one-per-device rule the client must send the signed
 * device cookie it got from `GET …/session` (or the form page); the ward's app may instead
 * authenticate with a bearer token of the unit, and then keeps one answer per install itself.
 * No cookie and no token → null, which the service refuses (`needDevice`).
 */
function apiRespondent(ctx: SurveyContext, req: FastifyRequest, rule: string): Respondent | null {
  if (rule !== 'device') return null;
  const id = existingDeviceId(ctx, req);
  if (id) return { kind: 'device', deviceId: id };
  return isAppToken(req) ? { kind: 'exempt' } : null;
}

type SubmitReq = FastifyRequest<{ Params: Static<typeof SlugParams>; Body: Static<typeof SubmitBody> }>;

async function submit(ctx: SurveyContext, req: SubmitReq, reply: FastifyReply) {
  const result = await inUnit(req, async (trx) => {
    const survey = await publicSurvey(trx, req, req.params.slug);
    if (survey.rule === 'phone') throw AppError.unprocessable('surveys.error.phone_verification_web');
    return submitResponse(trx, { survey, raw: req.body.answers, channel: req.body.channel ?? 'app', respondent: apiRespondent(ctx, req, survey.rule), secret: ctx.secret });
  });
  if (result.ok) return reply.code(201).send({ id: result.id });
  if (result.reason === 'invalid') {
    throw AppError.unprocessable('surveys.error.answers_invalid', result.errors.map((e) => ({ question: e.questionId, code: e.code, message: answerErrorMessage(e.code) })));
  }
  if (result.reason === 'needDevice') {
    const session = sessionPath(req.params.unit, req.params.slug);
    throw new AppError(422, 'device_cookie_required', 'surveys.api.device_needed', { session, cookie: DEVICE_COOKIE }).with({ session });
  }
  if (result.reason === 'already') throw AppError.conflict(result.message);
  throw AppError.unprocessable(result.message);
}

export function registerApiRoutes(app: FastifyInstance, ctx: SurveyContext): void {
  app.get('/api/v1/units/:unit/surveys', { schema: { tags: ['surveys'], params: UnitParams } }, async (req) => {
    const list = await inUnit(req, (trx) => repo.listSurveys(trx, unitOf(req).id));
    return { items: list.filter((s) => s.status === 'published').map((s) => ({ slug: s.slug, kind: s.kind, title_vi: s.title_vi, title_en: s.title_en, version: s.current_version, rule: s.rule })) };
  });
  app.get('/api/v1/units/:unit/surveys/:slug', { schema: { tags: ['surveys'], params: SlugParams } }, async (req) => {
    const r = req as FastifyRequest<{ Params: Static<typeof SlugParams> }>;
    return inUnit(r, async (trx) => {
      const s = await publicSurvey(trx, r, r.params.slug);
      const def = await currentDefinition(trx, s);
      if (!def) throw AppError.notFound('surveys.error.survey_not_found');
      return { slug: s.slug, status: s.status, version: s.current_version, rule: s.rule, title: { vi: s.title_vi, en: s.title_en }, definition: def };
    });
  });
  // Gives this client its signed device cookie (tt_khao_sat, httpOnly, one year) when it has
  // none: send it back with POST …/responses for surveys with the one-per-device rule.
  app.get('/api/v1/units/:unit/surveys/:slug/session', {
    schema: { tags: ['surveys'], params: SlugParams, response: { 200: SessionResponse } },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const r = req as FastifyRequest<{ Params: Static<typeof SlugParams> }>;
    return inUnit(r, async (trx) => {
      const s = await publicSurvey(trx, r, r.params.slug);
      if (s.rule !== 'device') return { rule: s.rule, answered: false };
      const key = respondentKey(ctx.secret, s.id, 'device', deviceId(ctx, r, reply));
      return { rule: s.rule, answered: await repo.hasRespondentKey(trx, s.id, key) };
    });
  });
  app.post('/api/v1/units/:unit/surveys/:slug/responses', {
    schema: { tags: ['surveys'], params: SlugParams, body: SubmitBody, response: { 201: Type.Object({ id: Type.String() }) } },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, (req, reply) => submit(ctx, req as SubmitReq, reply));
  app.get<{ Querystring: Static<typeof IndexQuery> }>('/api/v1/units/:unit/surveys-index', {
    schema: { tags: ['surveys'], params: UnitParams, querystring: IndexQuery, response: { 200: IndexResponse } },
  }, async (req) => {
    const q = req.query;
    return satisfactionIndex(app.db, unitOf(req).id, q.kind, q.year);
  });
}
