/**
 * Webhook receivers of the messaging channels and of the mail relay:
 * `POST /api/v1/units/:unit/feedback/inbound/:channel` (sms | zalo | facebook | email).
 * Authenticated by the channel's secret (`X-Feedback-Secret` header or `?secret=`) or by a core
 * API token (`Authorization: Bearer`); Facebook and Zalo by the platform's signature once its
 * secret is configured (channels/signatures.ts). `GET …/inbound/facebook` answers Meta's
 * subscription handshake. Payloads: docs/feedback-channels.md.
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
import { facebookSignatureOk, webhookSettings, zaloSignatureOk } from '../channels/signatures.js';
import { safeEqual } from '../../../core/auth/crypto.js';
import { createChannelSecret, isInboundChannel, secretMatches, INBOUND_CHANNELS, type InboundChannel } from '../channel-secrets.js';
import { statusUrl, type FeedbackContext } from '../context.js';
import { submitFeedback } from '../intake.js';
import { queueOutbound } from '../outbound.js';
import { normalisePhone } from '../validate.js';

const vi = translator('vi');

/** The raw bytes of JSON webhook bodies, kept by the scope's parser for signature checks. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

async function authorise(app: FastifyInstance, req: FastifyRequest, channel: InboundChannel, querySecret?: string): Promise<void> {
  if (req.staff && rolesIn(req.staff, req.unit!.id).length > 0) return;
  // Once the platform's secret is configured its signature is required: a leaked `?secret=` URL
  // alone can no longer post as Facebook or Zalo.
  const conf = webhookSettings();
  const header = (name: string) => { const v = req.headers[name]; return Array.isArray(v) ? v[0] : v; };
  if (channel === 'facebook' && conf.facebookAppSecret) {
    if (facebookSignatureOk(conf.facebookAppSecret, rawBodies.get(req), header('x-hub-signature-256'))) return;
    throw new AppError(401, 'invalid_signature', 'feedback.inbound.signature');
  }
  if (channel === 'zalo' && conf.zaloOaSecret) {
    if (zaloSignatureOk({ appId: conf.zaloAppId, oaSecret: conf.zaloOaSecret }, rawBodies.get(req), req.body, header('x-zevent-signature'))) return;
    throw new AppError(401, 'invalid_signature', 'feedback.inbound.signature');
  }
  const secret = (req.headers['x-feedback-secret'] as string | undefined) ?? querySecret;
  if (secret && (await secretMatches(app.db, req.unit!.id, channel, secret))) return;
  throw new AppError(401, 'unauthorized', 'feedback.inbound.unauthorized');
}

async function storeMessage(app: FastifyInstance, ctx: FeedbackContext, unit: { id: string; slug: string }, m: InboundMessage) {
  const phone = m.channel === 'sms' ? normalisePhone(m.from) : null;
  const r = await submitFeedback(app.db, ctx.deadlineRules, unit.id, {
    category: guessCategory(m.text), content: m.text.slice(0, 5000), name: m.senderName, phone, email: null,
    lat: null, lng: null, address: null, shareLocation: false,
  }, { channel: m.channel, senderHandle: m.from, receivedAt: m.receivedAt, idempotencyKey: m.messageId ? `${m.channel}:${m.messageId}` : null });
  if (r.created) {
    await queueOutbound(app.db, unit.id, { feedbackId: r.id, channel: m.channel, recipient: m.from,
      body: `${vi('feedback.status.created')} ${r.code} – ${statusUrl(app, unit.slug, r.code)}` });
  }
  return { code: r.code, created: r.created };
}

export async function inboundRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  // Own scope: its JSON parser keeps the raw bytes; the other feedback routes keep Fastify's.
  await app.register(async (scope) => { await webhookRoutes(scope, ctx); });

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

  // Meta's subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…
  // The token is FEEDBACK_FACEBOOK_VERIFY_TOKEN, or a Facebook channel secret of the unit.
  app.get<{ Params: { unit: string }; Querystring: Record<string, string | undefined> }>('/api/v1/units/:unit/feedback/inbound/facebook', {
    schema: {
      tags: ['feedback'], summary: 'Xác minh webhook Facebook (hub.challenge)', params: Type.Object({ unit: Type.String() }),
      querystring: Type.Object({
        'hub.mode': Type.Optional(Type.String({ maxLength: 40 })),
        'hub.verify_token': Type.Optional(Type.String({ maxLength: 200 })),
        'hub.challenge': Type.Optional(Type.String({ maxLength: 200 })),
      }),
    },
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const q = req.query;
    const token = q['hub.verify_token'];
    const challenge = q['hub.challenge'];
    const configured = webhookSettings().facebookVerifyToken;
    const ok = q['hub.mode'] === 'subscribe' && !!token && !!challenge
      && ((configured !== null && safeEqual(token, configured)) || (await secretMatches(app.db, req.unit!.id, 'facebook', token)));
    if (!ok) throw new AppError(403, 'forbidden', 'feedback.inbound.verifyToken');
    return reply.type('text/plain; charset=utf-8').send(challenge);
  });
}

async function webhookRoutes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAX_EMAIL_BYTES }, (_req, body, done) => done(null, body));
  // Fastify's own JSON parser (same errors, same prototype-poisoning guard), keeping the bytes.
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_EMAIL_BYTES }, (req, body, done) => {
    rawBodies.set(req, body as Buffer);
    json(req, (body as Buffer).toString('utf8'), done);
  });

  app.post<{ Params: { unit: string; channel: string }; Querystring: { secret?: string } }>('/api/v1/units/:unit/feedback/inbound/:channel', {
    schema: {
      tags: ['feedback'], summary: 'Nhận phản ánh từ SMS, Zalo, Facebook hoặc thư điện tử (webhook)',
      params: Type.Object({ unit: Type.String(), channel: Type.String({ enum: [...INBOUND_CHANNELS] }) }),
      querystring: Type.Object({ secret: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: true }),
    },
    bodyLimit: MAX_EMAIL_BYTES,
    config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const channel = req.params.channel;
    if (!isInboundChannel(channel)) throw AppError.notFound('feedback.inbound.channel');
    await authorise(app, req, channel, req.query.secret);
    const unit = { id: req.unit!.id, slug: req.unit!.slug };
    if (channel === 'email') {
      const raw = Buffer.isBuffer(req.body) ? req.body : typeof (req.body as any)?.raw === 'string' ? Buffer.from((req.body as any).raw) : null;
      const mail = raw ? await parseEmail(raw) : null;
      if (!mail) throw AppError.unprocessable('feedback.inbound.email');
      const r = await submitFeedback(app.db, ctx.deadlineRules, unit.id, {
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
    if (!parsed.ok) throw AppError.unprocessable(parsed.error);
    const received = [];
    for (const m of parsed.messages) received.push(await storeMessage(app, ctx, unit, m));
    return reply.code(202).send({ received });
  });
}
