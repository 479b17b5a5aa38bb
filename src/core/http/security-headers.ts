import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Headers on every response: no MIME sniffing, no framing by other sites (clickjacking on staff
 * forms), and referrers cut to the origin across sites (URLs such as password or booking links
 * carry secrets; map tile servers still see which site asks). No page is meant to be framed:
 * counter displays and kiosks open their own URL full screen. A route that must be embeddable
 * elsewhere sets `config: { allowFraming: true }`.
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

export function setSecurityHeaders(reply: FastifyReply, allowFraming = false): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (allowFraming && (name === 'x-frame-options' || name === 'content-security-policy')) continue;
    // A route's own Content-Security-Policy (or other value) wins.
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(reply, (req.routeOptions.config as { allowFraming?: boolean } | undefined)?.allowFraming === true);
    return payload;
  });
}
