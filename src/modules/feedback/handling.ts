/** Staff (and citizen) actions on an item: one transition, one event, one audit entry. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { actorUserId, audit, type Actor } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { translator } from '../../core/i18n.js';
import { withUnit } from '../../core/tenancy.js';
import { isCategoryCode, type CategoryCode } from './categories.js';
import type { DeadlineRules } from '../../lib/vn-calendar/index.js';
import { feedbackDueDay, type DeadlineRulesSource } from './deadlines.js';
import { forgetRules, rulesFor } from './intake.js';
import { listUnitStaff } from './org.js';
import { canSeeItem, type Viewer } from './policy.js';
import { queueReply, type ReplyKind, type ReplyText } from './replies.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';
import { isStatus, nextStatus, type FeedbackAction, type FeedbackStatus } from './workflow.js';

export interface Command {
  action: FeedbackAction;
  note?: string | null;
  category?: string | null;
  departmentCode?: string | null;
  assigneeId?: string | null;
  concernedOfficialId?: string | null;
  reply?: string | null;
  targetCode?: string | null;
}

export interface ActionContext {
  db: Kysely<any>;
  deadlineRules: DeadlineRulesSource;
  who: FastifyRequest | Actor;
  /** null = the citizen (only `reopen`). */
  viewer: Viewer | null;
  /** Builds the message (subject + body) to the citizen for an answer or a refusal. */
  replyText: (code: string, reply: string, kind: ReplyKind) => ReplyText;
  now?: Date;
}

const vi = translator('vi');

/** The assignee and the official concerned must be active staff of the item's unit (422 otherwise). */
async function checkStaffOfUnit(trx: FeedbackTrx, unitId: string, cmd: Command): Promise<void> {
  const wanted = [
    ...(cmd.action === 'assign' && cmd.assigneeId ? [['assigneeId', cmd.assigneeId] as const] : []),
    ...(cmd.action === 'classify' && cmd.concernedOfficialId ? [['concernedOfficialId', cmd.concernedOfficialId] as const] : []),
  ];
  if (!wanted.length) return;
  const ids = new Set((await listUnitStaff(trx, unitId)).map((s) => s.id));
  for (const [field, id] of wanted) {
    if (!ids.has(id)) throw AppError.unprocessable('feedback.error.notUnitStaff', { field });
  }
}

const NEEDS_TEXT: Partial<Record<FeedbackAction, keyof Command>> = {
  answer: 'reply', reject: 'note', reopen: 'note', assign: 'departmentCode', mark_duplicate: 'targetCode', merge: 'targetCode',
};

export async function applyAction(ctx: ActionContext, unitId: string, code: string, cmd: Command): Promise<FeedbackStatus> {
  const required = NEEDS_TEXT[cmd.action];
  if (required && !String(cmd[required] ?? '').trim()) throw AppError.unprocessable('feedback.error.required_missing', { field: required });
  if (ctx.viewer === null && cmd.action !== 'reopen') throw AppError.forbidden();
  const deadlineRules = await ctx.deadlineRules(unitId);
  const now = ctx.now ?? new Date();
  return withUnit(ctx.db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const item = await trx.selectFrom('feedback').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!item || (ctx.viewer && !canSeeItem(ctx.viewer, item))) throw AppError.notFound('feedback.error.feedback_not_found');
    const from = isStatus(item.status) ? item.status : 'received';
    const to = nextStatus(from, cmd.action);
    if (!to) throw AppError.conflict('feedback.error.bad_status_action', { from, action: cmd.action });
    await checkStaffOfUnit(trx, unitId, cmd);
    const changes = await changesFor(trx, ctx, unitId, item, cmd, now, deadlineRules);
    await trx.updateTable('feedback').set({ ...changes, status: to, updated_at: now }).where('id', '=', item.id).execute();
    const isPublicNote = cmd.action === 'reject' || cmd.action === 'reopen';
    await trx.insertInto('feedback_events').values({
      unit_id: unitId, feedback_id: item.id, action: cmd.action, from_status: from, to_status: to,
      note: cmd.action === 'answer' ? null : cmd.note?.trim() || null, is_public: isPublicNote,
      actor_id: ctx.viewer ? actorUserId(ctx.who) : null, at: now,
    }).execute();
    await audit(trx, ctx.who, {
      action: `feedback.${cmd.action}`, entity: 'feedback', entityId: item.id, unitId,
      before: { status: from }, after: { status: to, ...changes },
    });
    // The answer, or the reason for not taking the item up, goes to the citizen by the channel used.
    if (cmd.action === 'answer') await queueReply(trx, item, ctx.replyText(item.code, cmd.reply!.trim(), 'answer'));
    if (cmd.action === 'reject') await queueReply(trx, item, ctx.replyText(item.code, cmd.note!.trim(), 'reject'));
    return to;
  });
}

async function changesFor(
  trx: FeedbackTrx, ctx: ActionContext, unitId: string,
  item: { id: string; received_at: Date; category: string; reopen_count: number },
  cmd: Command, now: Date, deadlineRules: DeadlineRules,
): Promise<Record<string, unknown>> {
  const rules = await rulesFor(trx, unitId);
  switch (cmd.action) {
    case 'classify': {
      const category: CategoryCode = isCategoryCode(cmd.category) ? cmd.category : (item.category as CategoryCode);
      return {
        category, department_code: cmd.departmentCode || null, concerned_official_id: cmd.concernedOfficialId || null,
        due_date: feedbackDueDay(deadlineRules, item.received_at, rules[category].deadlineDays),
      };
    }
    case 'assign':
      return { department_code: cmd.departmentCode, assignee_id: cmd.assigneeId || null };
    case 'answer':
      return { public_reply: cmd.reply!.trim(), answered_at: now };
    case 'reject':
      return { public_reply: cmd.note!.trim(), answered_at: now };
    case 'close':
      return { closed_at: now };
    case 'reopen': {
      const category = item.category as CategoryCode;
      return {
        reopen_count: item.reopen_count + 1, answered_at: null, closed_at: null, escalation_level: 0, reminded_on: null,
        due_date: feedbackDueDay(deadlineRules, now, rules[category].deadlineDays),
      };
    }
    case 'mark_duplicate':
    case 'merge': {
      const target = await trx.selectFrom('feedback').select(['id']).where('code', '=', cmd.targetCode!.trim().toUpperCase()).executeTakeFirst();
      if (!target || target.id === item.id) throw AppError.unprocessable('feedback.error.bad_parent_code', { field: 'targetCode' });
      return { merged_into: target.id, closed_at: now };
    }
    default:
      return {};
  }
}

export { forgetRules };
