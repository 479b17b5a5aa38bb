/**
 * "What you sent": shown on the status page to the browser that sent the item, for an hour after
 * sending. Anyone else holding the code sees only the public view (no content, address or photos):
 * the browser proves it sent the item with a cookie carrying an HMAC of the code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { deriveSecret } from '../../core/secrets.js';
import { withUnit } from '../../core/tenancy.js';
import { SummaryList } from '../../web/components/display.js';

const COOKIE_PREFIX = 'tt_pa_';
const MAX_AGE_S = 3600;

const macOf = (app: FastifyInstance, code: string) =>
  createHmac('sha256', deriveSecret(app.config.dataDir, 'feedback-sender-copy')).update(code).digest('base64url');

export function rememberSender(app: FastifyInstance, reply: FastifyReply, unitSlug: string, code: string): void {
  reply.setCookie(`${COOKIE_PREFIX}${code}`, macOf(app, code), {
    path: `/${unitSlug}/phan-anh/${code}`, httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies, maxAge: MAX_AGE_S,
  });
}

export function isSender(app: FastifyInstance, req: FastifyRequest, code: string): boolean {
  const got = Buffer.from(req.cookies?.[`${COOKIE_PREFIX}${code}`] ?? '');
  const want = Buffer.from(macOf(app, code));
  return got.length === want.length && timingSafeEqual(got, want);
}

export interface SenderCopy { content: string; address: string | null; photos: number; place: string | null }

export async function senderCopy(app: FastifyInstance, unitId: string, code: string): Promise<SenderCopy | null> {
  return withUnit(app.db, unitId, async (trx) => {
    const { rows } = await sql<SenderCopy>`select f.content, f.address, f.public_place as place,
        (select count(*)::int from feedback_photos p where p.feedback_id = f.id) as photos
      from feedback f where f.unit_id = ${unitId} and f.code = ${code}`.execute(trx);
    return rows[0] ?? null;
  });
}

export function SenderCopyView({ req, copy }: { req: FastifyRequest; copy: SenderCopy }) {
  const t = req.t;
  return (
    <section class="feedback-sent" aria-labelledby="sent-title">
      <h2 id="sent-title">{t('feedback.sent.title')}</h2>
      <p class="muted">{t('feedback.sent.private')}</p>
      <SummaryList rows={[
        [t('feedback.sent.content'), <div class="feedback-sent__text">{copy.content.split('\n').map((l) => <p>{l}</p>)}</div>],
        [t('feedback.sent.address'), copy.address || copy.place || t('feedback.sent.none')],
        [t('feedback.sent.photos'), copy.photos ? t('feedback.sent.photoCount', { n: copy.photos }) : t('feedback.sent.none')],
      ]} />
    </section>
  );
}
