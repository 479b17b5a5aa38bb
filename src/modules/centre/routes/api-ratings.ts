import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { checkRating } from '../domain/rating-rules.js';
import { DEVICE_COOKIE, requirePairedDevice } from '../device-service.js';
import { rateByDevice, rateByToken, rateReception } from '../rating-service.js';
import * as S from './schemas.js';

/** Per-client limit on rating posts (by IP): a person rates once; a device a few times a minute at most. */
export const RATING_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

export function registerRatingApi(app: FastifyInstance): void {
  app.post<{ Body: Static<typeof S.RatingBody> }>('/api/v1/units/:unit/ratings', {
    schema: {
      tags: S.tags, summary: 'Gửi đánh giá mức độ hài lòng: theo mã QR trên vé (khi đã được phục vụ, trong 3 ngày), theo quầy (chỉ từ thiết bị đã ghép với quầy, cookie tt_thiet_bi_danh_gia) hoặc buổi tiếp công dân', params: S.UnitParams, body: S.RatingBody,
      response: { 201: S.RatingResponse, 403: S.ErrorResponse, 404: S.ErrorResponse, 409: S.ErrorResponse, 410: S.ErrorResponse, 422: S.ErrorResponse, 429: S.ErrorResponse },
    },
    config: { rateLimit: RATING_RATE_LIMIT },
  }, async (req, reply) => {
    const b = req.body;
    const check = checkRating(b);
    if (!check.ok) throw AppError.unprocessable(check.message, { field: check.field });
    const unitId = req.unit!.id;
    const now = new Date();
    const id = await withUnit(app.db, unitId, async (trx) => {
      if (b.ticket) return rateByToken(trx, unitId, b.ticket, check.value, 'api', now);
      if (b.reception) return rateReception(trx, unitId, b.reception, check.value, 'api');
      if (b.counter) {
        // Rating "the counter's last citizen" is only for the device standing at that counter.
        await requirePairedDevice(trx, unitId, b.counter, req.cookies?.[DEVICE_COOKIE], now);
        return rateByDevice(trx, unitId, b.counter, check.value, now, 'device');
      }
      throw AppError.unprocessable('centre.error.rating_target_needed', { field: 'ticket' });
    });
    return reply.code(201).send({ id });
  });
}
