/** JSON API: submit, categories, public status by code, staff actions. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { CATEGORY_CODES } from '../categories.js';
import { actionContext, clientKey, statusUrl, type FeedbackContext } from '../context.js';
import { applyAction } from '../handling.js';
import { submitFeedback } from '../intake.js';
import { publicFeedback, unitOfCode } from '../public-view.js';
import { validateSubmission } from '../validate.js';
import { ACTIONS, type FeedbackAction } from '../workflow.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { limitCodeLookups } from '../../../core/http/lookup-limit.js';
import { vnToday } from '../../../lib/vn-calendar/index.js';

const Coordinate = Type.Union([Type.Number(), Type.String({ maxLength: 40 })]);
export const SubmitBody = Type.Object({
  category: Type.String({ enum: [...CATEGORY_CODES] as string[], description: 'Mã lĩnh vực (xem /feedback/categories)' }),
  content: Type.String({ minLength: 1, maxLength: 5000 }),
  name: Type.Optional(Type.String({ maxLength: 120 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  lat: Type.Optional(Coordinate),
  lng: Type.Optional(Coordinate),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  idempotencyKey: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String()),
});
const Created = Type.Object({ code: Type.String(), status: Type.String(), url: Type.String() });
const UnitParams = Type.Object({ unit: Type.String() });
const ActionBody = Type.Object({
  action: Type.String({ enum: [...ACTIONS] as string[] }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  category: Type.Optional(Type.String({ enum: [...CATEGORY_CODES] as string[] })),
  departmentCode: Type.Optional(Type.String({ maxLength: 40 })),
  assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
  concernedOfficialId: Type.Optional(Type.String({ format: 'uuid' })),
  reply: Type.Optional(Type.String({ maxLength: 10000 })),
  targetCode: Type.Optional(Type.String({ maxLength: 20 })),
});

export async function apiRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  app.get('/api/v1/units/:unit/feedback/categories', {
    schema: { tags: ['feedback'], summary: 'Danh sách mã lĩnh vực phản ánh', params: UnitParams },
  }, async (req) => ({ categories: CATEGORY_CODES.map((code) => ({ code, name: req.t(`feedback.category.${code}`) })) }));

  app.post<{ Body: Static<typeof SubmitBody> }>('/api/v1/units/:unit/feedback', {
    schema: { tags: ['feedback'], summary: 'Gửi phản ánh (JSON hoặc biểu mẫu)', params: UnitParams, body: SubmitBody, response: { 201: Created, 200: Created } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const v = validateSubmission(req.body);
    if (!v.ok) {
      const details = Object.fromEntries(Object.entries(v.errors).map(([k, key]) => [k, req.t(key!)]));
      throw AppError.unprocessable('feedback.error.invalid', details);
    }
    const key = (req.headers['idempotency-key'] as string | undefined)?.slice(0, 100) ?? req.body.idempotencyKey ?? null;
    const r = await submitFeedback(app.db, ctx.deadlineRules, req.unit!.id, v.value, { channel: 'api', clientKey: clientKey(req), idempotencyKey: key });
    return reply.code(r.created ? 201 : 200).send({ code: r.code, status: r.status, url: statusUrl(app, req.unit!.slug, r.code) });
  });

  app.get<{ Params: { code: string } }>('/api/v1/feedback/:code', {
    preHandler: limitCodeLookups,
    schema: { tags: ['feedback'], summary: 'Tra cứu phản ánh theo mã (không có thông tin cá nhân)', params: Type.Object({ code: Type.String({ maxLength: 30 }) }) },
  }, async (req) => {
    const f = await publicFeedback(app.db, req.params.code, vnToday());
    if (!f) throw AppError.notFound('feedback.error.notFound');
    const { unitId: _unit, ...rest } = f;
    return rest;
  });

  app.post<{ Params: { unit: string; code: string }; Body: Static<typeof ActionBody> }>('/api/v1/units/:unit/feedback/:code/actions', {
    schema: { tags: ['feedback'], summary: 'Xử lý phản ánh (cán bộ)', params: Type.Object({ unit: Type.String(), code: Type.String() }), body: ActionBody },
    preHandler: app.requireStaff(['leader', 'department_officer', 'centre_officer', 'inspection']),
  }, async (req) => {
    const code = normaliseTrackingCode(req.params.code);
    if (!code || (await unitOfCode(app.db, code)) !== req.unit!.id) throw AppError.notFound('feedback.error.notFound');
    const status = await applyAction(actionContext(ctx, req), req.unit!.id, code, { ...req.body, action: req.body.action as FeedbackAction });
    return { code, status };
  });
}
