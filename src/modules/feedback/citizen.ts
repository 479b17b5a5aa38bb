/** What the citizen does after submitting: rate the answer (reopen goes through applyAction). */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { withUnit } from '../../core/tenancy.js';
import { asFeedbackTrx } from './types.js';

export async function rateAnswer(
  db: Kysely<any>, who: FastifyRequest, unitId: string, code: string, rating: number, comment: string | null,
): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw AppError.unprocessable('Vui lòng chọn mức đánh giá từ 1 đến 5.', { field: 'rating' });
  await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await trx.selectFrom('feedback').select(['id', 'status', 'rating']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!item) throw AppError.notFound('Không tìm thấy phản ánh.');
    if (item.status !== 'answered' && item.status !== 'closed') throw AppError.conflict('Chỉ đánh giá được khi phản ánh đã có trả lời.');
    const text = comment?.trim().slice(0, 1000) || null;
    await trx.updateTable('feedback').set({ rating, rating_comment: text, rated_at: new Date() }).where('id', '=', item.id).execute();
    await trx.insertInto('feedback_events').values({
      unit_id: unitId, feedback_id: item.id, action: 'rate', from_status: item.status, to_status: item.status, note: null, is_public: false, actor_id: null,
    }).execute();
    await audit(trx, who, { action: 'feedback.rate', entity: 'feedback', entityId: item.id, unitId, before: { rating: item.rating }, after: { rating } });
  });
}

/** Moderation for the public board: publish with a summary free of personal data, or withdraw. */
export async function moderate(
  db: Kysely<any>, who: FastifyRequest, unitId: string, code: string, publish: boolean, summary: string | null,
): Promise<void> {
  const text = summary?.trim() || null;
  if (publish && (!text || text.length < 10)) throw AppError.unprocessable('Vui lòng nhập tóm tắt công khai (ít nhất 10 ký tự).', { field: 'summary' });
  await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await trx.selectFrom('feedback').select(['id', 'category', 'published', 'public_summary']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!item) throw AppError.notFound('Không tìm thấy phản ánh.');
    if (publish && item.category === 'conduct') throw AppError.conflict('Không công khai phản ánh về tác phong, đạo đức cán bộ.');
    await trx.updateTable('feedback').set({ published: publish, public_summary: text }).where('id', '=', item.id).execute();
    await audit(trx, who, {
      action: publish ? 'feedback.publish' : 'feedback.unpublish', entity: 'feedback', entityId: item.id, unitId,
      before: { published: item.published, summary: item.public_summary }, after: { published: publish, summary: text },
    });
  });
}
