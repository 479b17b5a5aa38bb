import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { ask, MAX_QUESTION_LENGTH, rateAnswer } from './service.js';
import { INTENTS } from './intent.js';

const UnitParams = Type.Object({ unit: Type.String() });
const AskBody = Type.Object({
  question: Type.String({ minLength: 1, maxLength: MAX_QUESTION_LENGTH, description: 'Câu hỏi, có dấu hoặc không dấu' }),
  conversation_id: Type.Optional(Type.String({ maxLength: 40, description: 'Mã hội thoại trả về ở câu trước, để hỏi tiếp' })),
});
const Citation = Type.Object({
  procedure_id: Type.String(), field: Type.String({ description: 'name | fee | time | documents | counter | online' }),
  quote: Type.String({ description: 'Văn bản trích nguyên từ danh mục thủ tục' }), url: Type.String(),
});
const AskResponse = Type.Object({
  answer: Type.String(),
  procedures: Type.Array(Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String(), score: Type.Number(), url: Type.String() })),
  intent: Type.Union(INTENTS.map((i) => Type.Literal(i))),
  intents: Type.Array(Type.String()),
  citations: Type.Array(Citation),
  conversation_id: Type.String(),
  question_id: Type.String(),
  confidence: Type.Union([Type.Literal('high'), Type.Literal('context'), Type.Literal('low'), Type.Literal('none')]),
  lang: Type.Union([Type.Literal('vi'), Type.Literal('en')]),
  used_model: Type.Boolean(),
});
const RateParams = Type.Object({ unit: Type.String(), id: Type.String({ maxLength: 40 }) });
const RateBody = Type.Object({ helpful: Type.Boolean() });
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['Trợ lý thủ tục'];
  app.post('/api/v1/units/:unit/assistant/ask', {
    schema: {
      tags, summary: 'Hỏi trợ lý thủ tục (trả lời từ danh mục thủ tục đã công khai)',
      params: UnitParams, body: AskBody, response: { 200: AskResponse, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req: FastifyRequest<{ Body: Static<typeof AskBody> }>) => {
    const question = req.body.question.trim();
    if (!question) throw AppError.badRequest('assistant.error.empty');
    return ask({ db: app.db, config: app.config }, req.unit!, { question, conversationId: req.body.conversation_id, lang: req.lang });
  });

  app.post('/api/v1/units/:unit/assistant/questions/:id/rating', {
    schema: { tags, summary: 'Đánh giá câu trả lời có ích hay không', params: RateParams, body: RateBody,
      response: { 204: Type.Null(), 404: ErrorResponse } },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req: FastifyRequest<{ Params: Static<typeof RateParams>; Body: Static<typeof RateBody> }>, reply) => {
    if (!(await rateAnswer(app.db, req.unit!.id, req.params.id, req.body.helpful))) throw AppError.notFound('assistant.error.not_found');
    return reply.code(204).send();
  });
}
