/** What the citizen does after submitting: rate the answer (reopen goes through applyAction). */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { withUnit } from '../../core/tenancy.js';
import { findPersonalData } from './personal-data.js';
import { isPublishable, roundPublic } from './policy.js';
import { asFeedbackTrx } from './types.js';

export async function rateAnswer(
  db: Kysely<any>, who: FastifyRequest, unitId: string, code: string, rating: number, comment: string | null,
): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw AppError.unprocessable('feedback.error.rating_range', { field: 'rating' });
  await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await trx.selectFrom('feedback').select(['id', 'status', 'rating']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!item) throw AppError.notFound('feedback.error.feedback_not_found');
    if (item.status !== 'answered' && item.status !== 'closed') throw AppError.conflict('feedback.error.rate_after_answer');
    const text = comment?.trim().slice(0, 1000) || null;
    await trx.updateTable('feedback').set({ rating, rating_comment: text, rated_at: new Date() }).where('id', '=', item.id).execute();
    await trx.insertInto('feedback_events').values({
      unit_id: unitId, feedback_id: item.id, action: 'rate', from_status: item.status, to_status: item.status, note: null, is_public: false, actor_id: null,
    }).execute();
    await audit(trx, who, { action: 'feedback.rate', entity: 'feedback', entityId: item.id, unitId, before: { rating: item.rating }, after: { rating } });
  });
}

export interface Moderation {
  publish: boolean;
  /** Summary free of personal data (required to publish). */
  summary: string | null;
  /** The reply for the board and Open311, written and reviewed separately (required to publish; never the sender's answer copied). */
  boardReply: string | null;
  /** Place name to show (e.g. "Phố Hoàng Văn Thụ"); null shows none. Never copied from the sender's address. */
  place: string | null;
  /** Show the item's coordinates, rounded to about 100 m, on the public map. */
  showOnMap: boolean;
}

/** Field errors (i18n keys) of a publication: both texts required, no phone/ID/e-mail in them. */
export function moderationErrors(m: Pick<Moderation, 'summary' | 'boardReply'>): Record<string, string> {
  const errors: Record<string, string> = {};
  const summary = m.summary?.trim() ?? '';
  const reply = m.boardReply?.trim() ?? '';
  if (summary.length < 10) errors.summary = 'feedback.error.summary';
  else if (findPersonalData(summary).length) errors.summary = `feedback.error.personalData.${findPersonalData(summary)[0]}`;
  if (reply.length < 10) errors.boardReply = 'feedback.error.boardReply';
  else if (findPersonalData(reply).length) errors.boardReply = `feedback.error.personalData.${findPersonalData(reply)[0]}`;
  return errors;
}

const sameText = (a: string, b: string | null) => b !== null && a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Moderation for the public board: publish with a summary and a separate public reply, both free of
 * personal data (and, when the moderator approves it, a place name and rounded coordinates), or
 * withdraw. One event, one audit entry. A refusal is a 422 whose details carry the field errors.
 */
export async function moderate(db: Kysely<any>, who: FastifyRequest, unitId: string, code: string, m: Moderation): Promise<void> {
  const text = m.summary?.trim() || null;
  const boardReply = m.boardReply?.trim() || null;
  const place = m.place?.trim().slice(0, 200) || null;
  const refuse = (errors: Record<string, string>) => {
    const fields = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, who.t(v)]));
    return AppError.unprocessable(Object.values(errors)[0]!, { fields });
  };
  if (m.publish) {
    const errors = moderationErrors(m);
    if (Object.keys(errors).length) throw refuse(errors);
  }
  await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await trx.selectFrom('feedback')
      .select(['id', 'category', 'status', 'published', 'public_summary', 'board_reply', 'public_reply'])
      .select(['public_place', 'public_lat', 'public_lng', 'lat', 'lng'])
      .where('code', '=', code).forUpdate().executeTakeFirst();
    if (!item) throw AppError.notFound('feedback.error.notFound');
    if (m.publish && !isPublishable(item)) throw AppError.conflict('feedback.error.publishConduct');
    if (m.publish && sameText(boardReply!, item.public_reply)) throw refuse({ boardReply: 'feedback.error.boardReplyCopied' });
    const onMap = m.publish && m.showOnMap && item.lat !== null && item.lng !== null;
    const after = m.publish
      ? {
        published: true, public_summary: text, board_reply: boardReply, public_place: place,
        public_lat: onMap ? roundPublic(item.lat!) : null, public_lng: onMap ? roundPublic(item.lng!) : null,
      }
      : { published: false };
    await trx.updateTable('feedback').set({ ...after, updated_at: new Date() }).where('id', '=', item.id).execute();
    await trx.insertInto('feedback_events').values({
      unit_id: unitId, feedback_id: item.id, action: m.publish ? 'publish' : 'unpublish', from_status: item.status, to_status: item.status,
      note: null, is_public: false, actor_id: who.staff?.userId ?? null,
    }).execute();
    await audit(trx, who, {
      action: m.publish ? 'feedback.publish' : 'feedback.unpublish', entity: 'feedback', entityId: item.id, unitId,
      before: {
        published: item.published, public_summary: item.public_summary, board_reply: item.board_reply, public_place: item.public_place,
        public_lat: item.public_lat, public_lng: item.public_lng,
      },
      after,
    });
  });
}
