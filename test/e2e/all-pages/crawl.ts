/**
 * Finds one URL for each GET route of the app by following links, as a visitor would: the route
 * table gives the patterns, the pages give the parameters (the first dossier, feedback item, procedure…).
 */

export interface RoutePattern { route: string; segments: RegExp[]; rank: number[] }
export interface FoundPage { route: string; url: string; staff: boolean; status: number }

/** Pages that answer with another status than 200 when reached as a visitor does, and why. */
export const EXPECTED_STATUS: Record<string, number> = {
  // A rating tablet's page says it is not paired yet (the pairing itself is the /ghep/ page).
  '/:unit/quay/danh-gia/:key': 403,
};
export interface CrawlResult {
  /** HTML pages that answered 200: what the browser checks. */
  pages: FoundPage[];
  /** Routes reached as a redirect or a file (PDF, CSV, image…), with the status they answered. */
  others: { route: string; url: string; status: number; kind: 'redirect' | 'file' | 'error' }[];
  /** GET routes neither reached nor skipped. */
  unreached: string[];
}

/** GET routes that are not pages, or whose page cannot be reached by a visitor's link, and why. */
export const SKIPPED_ROUTES: Record<string, string> = {
  '/api/*': 'JSON API, described by /openapi.json and tested by the API tests',
  '/open311/*': 'Open311 JSON/XML API, tested by the feedback API tests',
  '/healthz': 'health check (JSON)',
  '/metrics': 'Prometheus metrics (text)',
  '/static/*': 'static files (CSS, JS, fonts)',
  '/favicon.ico': 'icon (checked by core tests)',
  '/dat-mat-khau/:token': 'needs a reset token only sent by e-mail; tested in src/core/auth tests',
  '/dang-nhap/ma-xac-thuc': 'second step of a login with two-factor authentication; tested in src/core/auth tests',
  '/quan-tri/:unit/thu-tuc/nhap/:importId': 'preview of an uploaded catalogue file; tested in test/e2e/catalogue.test.ts',
  '/quan-tri/:unit/cong-dong/nhap/:batch': 'preview of an uploaded household list; tested in src/modules/community tests',
  '/quan-tri/:unit/ho-so/nhap/:id': 'preview of an uploaded dossier list; tested in src/modules/dossiers tests',
  '/quan-tri/:unit/cong-dong/thong-bao/:id/am-thanh': 'audio file of an announcement (demo announcements have none)',
  '/:unit/thong-bao/:id/am-thanh': 'audio file of an announcement (demo announcements have none)',
  '/quan-tri/:unit/phan-anh/anh/:id': 'photo file of a feedback item (demo items have none)',
  '/quan-tri/:unit/lanh-dao/vu-viec/:code/tai-lieu/:id': 'attached file of a case (demo cases have none)',
  '/quan-tri/:unit/lanh-dao/xuong-co-so/:id/anh/:photo': 'photo file of a field visit (demo visits have none)',
  '/:unit/thu-tuc/:slug/bieu-mau/:attachmentId': 'application form file of a procedure (demo procedures have none)',
  '/:unit/bieu-quyet/:code/tai-lieu/:doc': 'document file of a poll (demo polls have none)',
  '/:unit/can-bo/:badge/anh': 'photo file of an official (demo officials have none)',
  '/quan-tri/:unit/lanh-dao/can-bo/:id/anh': 'photo file of an official (demo officials have none)',
  '/quan-tri/:unit/lanh-dao/can-bo/:id/the': 'printable badge, linked only once a photo is uploaded; tested in test/e2e/leadership.test.ts',
  '/:unit/can-bo/:badge': 'an official\'s public page, reached from the QR of a badge; tested in test/e2e/leadership.test.ts',
  '/quan-tri/:unit/tieu-chi/bo-tieu-chi.json': 'rubric download (JSON) for the city account',
  '/quan-tri/:unit/tieu-chi/xep-hang.xlsx': 'city ranking spreadsheet for the city account',
  '/:unit/quay/dat-lich/hen/:token': 'booking page, reached after booking; axe at 390 and 1280 px in test/e2e/journeys.test.ts',
  '/:unit/quay/dat-lich/huy/:token': 'same page as …/hen/:token (older cancel links); tested in src/modules/centre/journeys.test.ts',
  '/:unit/phan-anh/tra-cuu': 'look-up by code (redirects to the item); tested in test/e2e/feedback.test.ts',
  '/:unit/tinh-nguyen/da-dang-ky': 'confirmation after a volunteer signs up; tested in test/e2e/outreach.test.ts',
};

const ignored = (route: string) => Object.keys(SKIPPED_ROUTES).some((s) => s.endsWith('*') ? route.startsWith(s.slice(0, -1)) : s === route);

function escapeRe(s: string) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/** Patterns of the GET routes, most specific first (a fixed segment beats a parameter). */
export function routePatterns(table: { method: string; url: string }[]): RoutePattern[] {
  const urls = [...new Set(table.filter((r) => r.method === 'GET').map((r) => r.url))];
  return urls.map((route) => {
    const parts = route.split('/').slice(1);
    return {
      route,
      segments: parts.map((p) => new RegExp(`^${p.split(/(:[A-Za-z_]+)/).map((x) => x.startsWith(':') ? '[^/]+?' : escapeRe(x)).join('')}$`)),
      rank: parts.map((p) => (p.startsWith(':') ? (/^:[A-Za-z_]+$/.test(p) ? 0 : 1) : 2)),
    };
  }).sort((a, b) => {
    for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
    return 0;
  });
}

export function matchRoute(patterns: RoutePattern[], path: string): RoutePattern | undefined {
  const parts = path.split('/').slice(1).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  return patterns.find((p) => p.segments.length === parts.length && p.segments.every((re, i) => re.test(parts[i])));
}

/** The value of `:unit` in a path matched by `route`, if the route has one. */
function unitOf(route: string, path: string): string | undefined {
  const i = route.split('/').indexOf(':unit');
  return i < 0 ? undefined : path.split('/')[i];
}

export async function crawlPages(base: string, patterns: RoutePattern[], opts: { unit: string; cookie: string; roots: string[] }): Promise<CrawlResult> {
  const found = new Map<string, FoundPage>();
  const others: CrawlResult['others'] = [];
  const done = new Set<string>();
  const fetched = new Set<string>();
  const queue = [...opts.roots];

  /** Fetches a URL as a visitor (staff pages with the admin's cookie) and queues its links. */
  const visit = async (path: string) => {
    const p = matchRoute(patterns, path.split('?')[0]);
    if (!p || done.has(p.route) || fetched.has(path) || ignored(p.route)) return;
    const unit = unitOf(p.route, path);
    if (unit !== undefined && unit !== opts.unit) return;
    fetched.add(path);
    const staff = path.startsWith('/quan-tri');
    const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: staff ? { cookie: opts.cookie } : {} });
    const type = res.headers.get('content-type') ?? '';
    if (res.status >= 300 && res.status < 400) {
      const to = new URL(res.headers.get('location')!, `${base}${path}`);
      done.add(p.route);
      others.push({ route: p.route, url: path, status: res.status, kind: 'redirect' });
      if (to.origin === base) queue.unshift(to.pathname + to.search);
      await res.arrayBuffer();
      return;
    }
    const ok = res.status === (EXPECTED_STATUS[p.route] ?? 200);
    if (!ok || !type.includes('text/html')) {
      // An error is kept only until another URL of the route answers.
      if (ok) done.add(p.route);
      others.push({ route: p.route, url: path, status: res.status, kind: ok ? 'file' : 'error' });
      await res.arrayBuffer();
      return;
    }
    done.add(p.route);
    found.set(p.route, { route: p.route, url: path, staff, status: res.status });
    for (const link of links(await res.text())) {
      const u = new URL(link, `${base}${path}`);
      // A link's own query (a filter, a page number) is tried only when the bare path does not answer.
      if (u.origin === base) queue.push(u.pathname, u.pathname + u.search);
    }
  };

  for (let round = 0; round < 3 && queue.length; round++) {
    while (queue.length) await visit(queue.shift()!);
    // A route one fixed segment below a reached one (…/cam-on, …/the, …/qr.svg): that URL + the segment.
    const reached = [...found.values(), ...others.filter((o) => o.kind !== 'error')];
    for (const p of patterns.filter((x) => !done.has(x.route) && !ignored(x.route))) {
      const parent = reached.find((r) => p.route.startsWith(`${r.route}/`) && !p.route.slice(r.route.length + 1).includes(':'));
      if (parent) queue.push(`${parent.url.split('?')[0]}/${p.route.slice(parent.route.length + 1)}`);
    }
  }
  const unreached = patterns.map((p) => p.route).filter((r) => !done.has(r) && !ignored(r));
  return { pages: [...found.values()], others: others.filter((o) => o.kind !== 'error' || !done.has(o.route)), unreached };
}

/** href and src attributes of a page (links, images, audio, downloads). */
function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) out.push(m[1].replace(/&amp;/g, '&'));
  return out;
}
