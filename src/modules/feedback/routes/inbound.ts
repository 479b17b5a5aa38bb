/**
 * Webhook receivers of the messaging channels and of the mail relay:
 * `POST /api/v1/units/:unit/feedback/inbound/:channel` (sms | zalo | facebook | email).
 * Authenticated by the channel's secret (`X-Feedback-Secret` header or `?secret=`) or by a core
 * API token (`Authorization: Bearer`). Payloads: docs/feedback-channels.md.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { rolesIn } from '../../../core/auth/principal.js';
import { AppError } from '../../../core/errors.js';
import { enqueueEmail } from '../../../core/mail.js';
import { translator } from '../../../core/i18n.js';
import { withUnit } from '../../../core/tenancy.js';
import { MAX_EMAIL_BYTES, parseEmail } from '../channels/email.js';
import { guessCategory } from '../channels/guess-category.js';
import { parseInbound, type InboundMessage } from '../channels/inbound.js';
import { createChannelSecret, isInboundChannel, secretMatches, INBOUND_CHANNELS, type InboundChannel } from '../channel-secrets.js';
import { statusUrl, type FeedbackContext } from '../context.js';
import { submitFeedback } from '../intake.js';
import { asFeedbackTrx } from '../types.js';
import { normalisePhone } from '../validate.js';

const vi = translator('vi');

async function authorise(app: FastifyInstance, req: FastifyRequest, channel: InboundChannel): Promise<void> {
  if (req.staff && rolesIn(req.staff, req.unit!.id).length > 0) return;
  const q = req.query as Record<string, unknown>;
  const secret = (req.headers['x-feedback-secret'] as string | undefined) ?? (typeof q.secret === 'string' ? q.secret : undefined);
  if (secret && (await secretMatches(app.db, req.unit!.id, channel, secret))) return;
  throw new AppError(401, 'unauthorized', req.t('feedback.inbound.unauthorized'));
}

async function storeMessage(app: FastifyInstance, ctx: FeedbackContext, unit: { id: string; slug: string }, m: InboundMessage) {
  const phone = m.channel === 'sms' ? normalisePhone(m.from) : null;
  const r = await submitFeedback(app.db, ctx.calendars, unit.id, {
    category: guessCategory(m.text), content: m.text.slice(0, 5000), name: m.senderName, phone, email: null,
    lat: null, lng: null, address: null, shareLocation: false,
  }, { channel: m.channel, senderHandle: m.from, receivedAt: m.receivedAt, idempotencyKey: m.messageId ? `${m.channel}:${m.messageId}` : null });
  if (r.created) {
    await withUnit(app.db, unit.id, (raw) => asFeedbackTrx(raw).insertInto('feedback_outbound').values({
      unit_id: unit.id, feedback_id: r.id, channel: m.channel, recipient: m.from,
      body: `${vi('feedback.status.created')} ${r.code} – ${statusUrl(app, unit.slug, r.code)}`,
    }).execute());
  }
  return { code: r.code, created: r.created };
}

export async function inboundRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAX_EMAIL_BYTES }, (_req, body, done) => done(null, body));

  app.post<{ Params: { unit: string; channel: string } }>('/api/v1/units/:unit/feedback/inbound/:channel', {
    schema: { tags: ['feedback'], summary: 'Nhận phản ánh từ SMS, Zalo, Facebook hoặc thư điện tử (webhook)', params: Type.Object({ unit: Type.String(), channel: Type.String({ enum: [...INBOUND_CHANNELS] }) }) },
    bodyLimit: MAX_EMAIL_BYTES,
    config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const channel = req.params.channel;
    if (!isInboundChannel(channel)) throw AppError.notFound(req.t('feedback.inbound.channel'));
    await authorise(app, req, channel);
    const unit = { id: req.unit!.id, slug: req.unit!.slug };
    if (channel === 'email') {
      const raw = Buffer.isBuffer(req.body) ? req.body : typeof (req.body as any)?.raw === 'string' ? Buffer.from((req.body as any).raw) : null;
      const mail = raw ? await parseEmail(raw) : null;
      if (!mail) throw AppError.unprocessable(req.t('feedback.inbound.email'));
      const r = await submitFeedback(app.db, ctx.calendars, unit.id, {
        category: guessCategory(mail.content), content: mail.content, name: mail.fromName, phone: null, email: mail.fromAddress,
        lat: null, lng: null, address: null, shareLocation: false,
      }, { channel: 'email', receivedAt: mail.receivedAt, idempotencyKey: mail.messageId ? `email:${mail.messageId}` : null, photos: mail.photos });
      if (r.created) {
        await withUnit(app.db, unit.id, (trx) => enqueueEmail(trx, {
          unitId: unit.id, to: mail.fromAddress, subject: vi('feedback.email.receivedSubject', { code: r.code }),
          text: `${vi('feedback.status.created')}\n\n${r.code}\n${statusUrl(app, unit.slug, r.code)}`,
        }));
      }
      return reply.code(202).send({ received: [{ code: r.code, created: r.created }], skippedAttachments: mail.skippedAttachments });
    }
    const parsed = parseInbound(channel, req.body);
    if (!parsed.ok) throw AppError.unprocessable(req.t(parsed.error));
    const received = [];
    for (const m of parsed.messages) received.push(await storeMessage(app, ctx, unit, m));
    return reply.code(202).send({ received });
  });

  app.post<{ Params: { unit: string }; Body: { channel: string; label?: string } }>('/api/v1/units/:unit/feedback/channel-secrets', {
    schema: {
      tags: ['feedback'], summary: 'Tạo khóa bí mật cho webhook của một kênh (quản trị)', params: Type.Object({ unit: Type.String() }),
      body: Type.Object({ channel: Type.String({ enum: [...INBOUND_CHANNELS] }), label: Type.Optional(Type.String({ maxLength: 100 })) }),
    },
    preHandler: app.requireStaff(['admin']),
  }, async (req, reply) => {
    const channel = req.body.channel as InboundChannel;
    const secret = await createChannelSecret(app.db, req, req.unit!.id, channel, req.body.label ?? null);
    return reply.code(201).send({ channel, secret, url: `${app.config.publicUrl}/api/v1/units/${req.unit!.slug}/feedback/inbound/${channel}` });
  });
}
