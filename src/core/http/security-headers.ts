import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Headers on every response: no MIME sniffing, no framing by other sites (clickjacking on staff
 * forms), and referrers cut to the origin across sites (URLs such as password or booking links
 * carry secrets; map tile servers still see which site asks). No page is meant to be framed:
 * counter displays and kiosks open their own URL full screen. A route that must be embeddable
 * elsewhere sets `config: { allowFraming: true }`.
 */
/**
 * Content-Security-Policy: everything from our own origin only, no inline or eval'd script (every
 * script is a file under /static/js; JSON data islands use `type="application/json"`, which is
 * not executed). Style attributes stay allowed (`style-src-attr`) for the SVG charts and QR codes
 * we generate and for Leaflet; `<style>` elements and foreign style sheets are not. Map tiles
 * may come from the configured tile server's origin.
 */
export function contentSecurityPolicy(extraImageOrigins: string[] = [], frameAncestors = "'none'"): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${extraImageOrigins.map((o) => ` ${o}`).join('')}`, "font-src 'self'", "connect-src 'self'",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy(),
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

export function setSecurityHeaders(reply: FastifyReply, allowFraming = false, csp: string = SECURITY_HEADERS['content-security-policy']): void {
  for (const [name, fixed] of Object.entries(SECURITY_HEADERS)) {
    if (allowFraming && name === 'x-frame-options') continue;
    let value: string = name === 'content-security-policy' ? csp : fixed;
    // An embeddable route keeps the policy but may be framed by any site.
    if (allowFraming && name === 'content-security-policy') value = value.replace("frame-ancestors 'none'", 'frame-ancestors *');
    // A route's own Content-Security-Policy (or other value) wins.
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
}

const originOf = (url: string) => { try { return new URL(url.replace(/[{}]/g, 'x')).origin; } catch { return null; } };

export function registerSecurityHeaders(app: FastifyInstance): void {
  const tileUrl = (app as { config?: { map?: { tileUrl?: string } } }).config?.map?.tileUrl;
  const tiles = tileUrl ? originOf(tileUrl) : null;
  const csp = contentSecurityPolicy(tiles ? [tiles.replace('://x.', '://*.')] : []);
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(reply, (req.routeOptions.config as { allowFraming?: boolean } | undefined)?.allowFraming === true, csp);
    return payload;
  });
}
