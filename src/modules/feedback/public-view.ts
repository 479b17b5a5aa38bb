/** What anyone holding a tracking code may see: no name, phone, e-mail, content or photos. */
import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { normaliseTrackingCode } from './tracking-code.js';
import { codeOfItem, eventsOfItem, publicItemByCode, unitOfCode } from './public-repo.js';
import { asFeedbackTrx } from './types.js';
import { isOpen, isStatus } from './workflow.js';

export interface PublicTimelineEntry {
  at: string;
  action: string;
  status: string | null;
  note: string | null;
}

export interface PublicFeedback {
  code: string;
  unitId: string;
  category: string;
  channel: string;
  status: string;
  receivedAt: string;
  dueDate: string;
  overdue: boolean;
  answeredAt: string | null;
  reply: string | null;
  /** The moderated public summary, only when the item is published. */
  summary: string | null;
  /** For a duplicate or merged item: the tracking code of the item it was joined to. */
  mergedInto: string | null;
  rating: number | null;
  canRate: boolean;
  canReopen: boolean;
  timeline: PublicTimelineEntry[];
}

/** Actions the citizen sees in the timeline; reminders, escalations and ratings are internal. */
const PUBLIC_ACTIONS = new Set(['classify', 'assign', 'start', 'answer', 'close', 'reject', 'mark_duplicate', 'merge', 'reopen']);

export { unitOfCode };

export async function publicFeedback(db: Kysely<any>, rawCode: string, today: string): Promise<PublicFeedback | null> {
  const code = normaliseTrackingCode(rawCode);
  if (!code) return null;
  const unitId = await unitOfCode(db, code);
  if (!unitId) return null;
  return withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await publicItemByCode(trx, code);
    if (!item) return null;
    const mergedInto = item.merged_into ? await codeOfItem(trx, item.merged_into) : undefined;
    const events = await eventsOfItem(trx, item.id);
    const status = isStatus(item.status) ? item.status : 'received';
    const answered = status === 'answered' || status === 'closed';
    return {
      code: item.code, unitId, category: item.category, channel: item.channel, status,
      receivedAt: item.received_at.toISOString(), dueDate: item.due_date,
      overdue: isOpen(status) && item.due_date < today,
      answeredAt: item.answered_at?.toISOString() ?? null, reply: item.public_reply,
      summary: item.published ? item.public_summary : null, mergedInto: mergedInto ?? null, rating: item.rating,
      canRate: answered && item.rating === null, canReopen: answered,
      timeline: [
        { at: item.received_at.toISOString(), action: 'received', status: 'received', note: null },
        ...events.filter((e) => PUBLIC_ACTIONS.has(e.action)).map((e) => ({
          at: e.at.toISOString(), action: e.action, status: e.to_status, note: e.is_public ? e.note : null,
        })),
      ],
    };
  });
}
