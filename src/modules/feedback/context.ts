/** Per-request helpers shared by the feedback routes. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesIn } from '../../core/auth/principal.js';
import { translator } from '../../core/i18n.js';
import type { DeadlineRulesSource } from './deadlines.js';
import type { ActionContext } from './handling.js';
import type { Viewer } from './policy.js';
import type { ReplyKind, ReplyText } from './replies.js';
import { makeDeadlineRulesSource } from './work-calendar.js';

export interface FeedbackContext {
  app: FastifyInstance;
  deadlineRules: DeadlineRulesSource;
}

export const makeContext = (app: FastifyInstance): FeedbackContext => ({ app, deadlineRules: makeDeadlineRulesSource(app.db) });

/** Messages to citizens are written in Vietnamese, whatever the staff member's language. */
const vi = translator('vi');

export const statusPath = (unitSlug: string, code: string) => `/${unitSlug}/phan-anh/${code}`;
export const statusUrl = (app: FastifyInstance, unitSlug: string, code: string) => `${app.config.publicUrl}${statusPath(unitSlug, code)}`;

/** The message to the citizen for an answer, or for a refusal (`reject`, with its reason). */
export function replyTextFor(app: FastifyInstance, unitSlug: string): (code: string, reply: string, kind: ReplyKind) => ReplyText {
  return (code, reply, kind) => ({
    subject: vi(kind === 'reject' ? 'feedback.email.rejectSubject' : 'feedback.email.replySubject', { code }),
    body: vi(kind === 'reject' ? 'feedback.email.rejectBody' : 'feedback.email.replyBody', { code, reply, url: statusUrl(app, unitSlug, code) }),
  });
}

/** The staff member as the visibility policy sees them: their roles in the route's unit. */
export function viewerOf(req: FastifyRequest): Viewer {
  const p = req.staff!;
  return { userId: p.userId ?? `token:${p.username}`, roles: rolesIn(p, req.unit?.id ?? p.unitId) };
}

export function actionContext(ctx: FeedbackContext, req: FastifyRequest, citizen = false): ActionContext {
  return {
    db: ctx.app.db, deadlineRules: ctx.deadlineRules, who: req, viewer: citizen ? null : viewerOf(req),
    replyText: replyTextFor(ctx.app, req.unit!.slug),
  };
}

/** Per-client key for the double-submit window: the client address as Fastify sees it. */
export const clientKey = (req: FastifyRequest) => req.ip ?? null;
