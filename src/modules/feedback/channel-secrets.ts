/** Per-channel webhook secrets, stored as SHA-256 hashes. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import { randomToken, sha256 } from '../../core/auth/crypto.js';
import { withUnit } from '../../core/tenancy.js';
import { asFeedbackTrx } from './types.js';

export const INBOUND_CHANNELS = ['sms', 'zalo', 'facebook', 'email'] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];
export const isInboundChannel = (v: string): v is InboundChannel => (INBOUND_CHANNELS as readonly string[]).includes(v);

/** Creates a secret for `channel` and returns it once (only its hash is kept). Audited. */
export async function createChannelSecret(db: Kysely<any>, who: FastifyRequest, unitId: string, channel: InboundChannel, label: string | null): Promise<string> {
  const secret = `fbk_${randomToken(24)}`;
  await withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const row = await trx.insertInto('feedback_secrets').values({ unit_id: unitId, purpose: `inbound:${channel}`, secret_hash: sha256(secret), label })
      .returning('id').executeTakeFirstOrThrow();
    await audit(trx, who, { action: 'feedback.secret.create', entity: 'feedback_secret', entityId: row.id, unitId, after: { channel, label } });
  });
  return secret;
}

export async function secretMatches(db: Kysely<any>, unitId: string, channel: InboundChannel, secret: string): Promise<boolean> {
  return withUnit(db, unitId, async (raw) => {
    const row = await asFeedbackTrx(raw).selectFrom('feedback_secrets').select('id')
      .where('purpose', '=', `inbound:${channel}`).where('secret_hash', '=', sha256(secret)).executeTakeFirst();
    return !!row;
  });
}
