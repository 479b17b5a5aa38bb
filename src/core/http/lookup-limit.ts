import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * One budget per client address for every look-up by a public code (feedback tracking codes,
 * dossier codes, booking codes), whatever the route (page or API): guessing codes is bounded by
 * these limits, not by how many routes accept a code. Kept in memory per app instance (N
 * instances behind a load balancer give at most N times the budget; see docs/security.md).
 */
export const CODE_LOOKUP_LIMITS = [
  { max: 10, windowMs: 60_000, label: '1 phút' },
  { max: 200, windowMs: 86_400_000, label: '1 ngày' },
] as const;

const MAX_ADDRESSES = 50_000;
const hits = new Map<string, number[]>();

/** Records one look-up for `key`; returns the seconds to wait when over a limit (the look-up is not counted then). */
export function takeLookup(key: string, now = Date.now()): number {
  const longest = CODE_LOOKUP_LIMITS.at(-1)!.windowMs;
  const times = (hits.get(key) ?? []).filter((t) => t > now - longest);
  for (const l of CODE_LOOKUP_LIMITS) {
    const inWindow = times.filter((t) => t > now - l.windowMs);
    if (inWindow.length >= l.max) {
      hits.set(key, times);
      return Math.max(1, Math.ceil((inWindow[0] + l.windowMs - now) / 1000));
    }
  }
  times.push(now);
  hits.delete(key);
  hits.set(key, times);
  if (hits.size > MAX_ADDRESSES) hits.delete(hits.keys().next().value!); // the least recently seen address
  return 0;
}

export function resetLookupLimits(): void { hits.clear(); }

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * `preHandler: limitCodeLookups` on every route that finds something by a public code. Loopback
 * clients (tests, health probes on the machine) are not limited: behind a reverse proxy set
 * TRUST_PROXY=1 so that the real client address is used (as for every other rate limit).
 */
export async function limitCodeLookups(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.server.config.rateLimit || LOOPBACK.test(req.ip)) return;
  const wait = takeLookup(req.ip);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    throw new AppError(429, 'too_many_lookups', 'core.error.lookup_too_many').with({ wait });
  }
}
