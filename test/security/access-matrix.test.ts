import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Role } from '../../src/core/module.js';
import { useTestApp, type Session } from '../helpers/app.js';
import { linksIn } from './hostile-values.js';
import { PUBLIC_API, STREAMING, allowedBy, fillPath, heldIn, isStaffArea, key, routesOf, type MatrixPrincipal } from './route-matrix.js';

/**
 * Access control, generated from the route table: every staff route (`/quan-tri...`, staff `/api/v1/...`) ×
 * role × unit (the demo ward, another enabled ward, the city). The expected answer comes from the guard the
 * route declares (`app.requireStaff(roles)`, recorded in `app.routeTable`): a principal outside the unit or
 * without one of the roles is refused (401/403), one inside passes the guard (anything but 401/403/5xx).
 * A staff-area route with no guard fails the test. THANTHIEN_LONG=1 runs the full product of principals × units.
 */
const LONG = process.env.THANTHIEN_LONG === '1';
const WARD_A = 'chu-van-an';
const WARD_B = 'nguyen-trai';
const CITY = 'hai-phong';
const ROLES: Role[] = ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'inspection', 'viewer'];

const app = useTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });

interface Logged extends MatrixPrincipal { session: Session | null }

describe('access-control matrix', () => {
  it('every staff-area route declares a staff guard (or is a listed public API route)', () => {
    const t = app();
    const unguarded = routesOf(t.app).filter((r) => isStaffArea(r.url) && !r.guard && !PUBLIC_API.has(key(r))).map(key);
    expect(unguarded).toEqual([]);
    // A listed public route that no longer exists keeps the list honest.
    const known = new Set(routesOf(t.app).map(key));
    expect([...PUBLIC_API].filter((k) => !known.has(k))).toEqual([]);
  });

  it('every principal × unit × guarded route answers as the declared guard says', { timeout: LONG ? 900_000 : 120_000 }, async () => {
    const t = app();
    const { rows } = await sql<{ slug: string; parent: string | null }>`select u.slug, p.slug as parent from units u left join units p on p.id = u.parent_id`
      .execute(t.db);
    const parentOf = Object.fromEntries(rows.map((r) => [r.slug, r.parent]));
    expect(parentOf[WARD_A]).toBe(CITY);
    expect(parentOf[WARD_B]).toBe(CITY);

    const principals: Logged[] = [{ name: 'anonymous', unitSlug: WARD_A, roles: [], session: null }];
    const add = async (role: Role, unitSlug: string) => {
      const { username, password } = await t.createStaff(role, unitSlug);
      principals.push({ name: `${role}@${unitSlug}`, unitSlug, roles: [role], session: await t.login(username, password) });
    };
    // Least privilege first: in the short form each route is checked as "passes" once, by the weakest role it admits.
    for (const role of [...ROLES].reverse()) await add(role, WARD_A);
    await add('admin', WARD_B);
    if (LONG) for (const role of ROLES.filter((r) => r !== 'admin')) await add(role, WARD_B);
    await add('city', CITY);
    await add('admin', CITY);

    // Short form: everyone on the demo ward; the other ward's admin, the city and A's admin and viewer across units.
    // Long form: every principal on every unit, every route.
    const targetsOf = (p: Logged): string[] => {
      if (LONG) return [WARD_A, WARD_B, CITY];
      if (p.unitSlug === WARD_B) return [WARD_A, WARD_B];
      if (p.unitSlug === CITY) return [WARD_A, CITY];
      if (p.roles[0] === 'admin' || p.roles[0] === 'viewer') return [WARD_A, WARD_B, CITY];
      return [WARD_A];
    };

    const routes = routesOf(t.app).filter((r) => r.guard && !STREAMING.has(key(r)));
    expect(routes.length).toBeGreaterThan(150);
    // Reads first, then writes (a write could end a session: e.g. signing out every device).
    routes.sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

    const wrong: string[] = [];
    let refused = 0, passed = 0, refusedByValidation = 0;
    const passChecked = new Set<string>();
    let pair = 0;
    for (const p of principals) {
      for (const target of targetsOf(p)) {
        pair++;
        for (const [i, r] of routes.entries()) {
          const routeUnit = r.url.includes(':unit') ? target : p.unitSlug;
          if (!r.url.includes(':unit') && target !== targetsOf(p)[0]) continue;
          const allowed = p.session !== null && allowedBy(r.guard!, heldIn(p, routeUnit, parentOf));
          if (allowed && !LONG && passChecked.has(key(r))) continue;
          // Short form: each (principal, unit) pair checks the refusals of a third of the routes, in rotation.
          if (!allowed && !LONG && (i + pair) % 3 !== 0) continue;
          if (allowed) passChecked.add(key(r));
          const headers: Record<string, string> = { accept: 'application/json', ...(p.session?.headers ?? {}) };
          const unsafe = r.method !== 'GET';
          const res = await t.app.inject({
            method: r.method as 'GET', url: fillPath(r.url, routeUnit), headers,
            ...(unsafe ? { payload: {} } : {}),
          });
          const s = res.statusCode;
          const label = `${p.name} ${r.method} ${fillPath(r.url, routeUnit)} → ${s}`;
          if (s >= 500) { wrong.push(`${label} (server error)`); continue; }
          if (allowed) {
            if (s === 401 || s === 403) wrong.push(`${label} (expected to pass the guard ${JSON.stringify(r.guard!.roles)})`);
            else passed++;
          } else if (s === 401 || s === 403) {
            refused++;
          } else if (s === 400 && res.json().error?.code === 'invalid_request') {
            // The route's schema refused the request before the guard ran: nothing reached either.
            refusedByValidation++;
          } else {
            wrong.push(`${label} (expected 401/403: ${p.name} holds ${JSON.stringify(heldIn(p, routeUnit, parentOf))}, guard ${JSON.stringify(r.guard!.roles)})`);
          }
        }
      }
    }
    console.info(`access matrix: ${refused} refused by the guard, ${refusedByValidation} by the schema first, ${passed} passed`);
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(refusedByValidation * 5);
  });

  it('another unit\'s records, named by id or code under one\'s own unit, are not found', { timeout: 120_000 }, async () => {
    const t = app();
    const a = await t.createStaff('admin', WARD_A);
    const b = await t.createStaff('admin', WARD_B);
    const asA = await t.login(a.username, a.password);
    const asB = await t.login(b.username, b.password);
    const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, accept: 'text/html' } });
    // Links to single records (an id or a code in the path) from the demo ward's staff pages.
    const lists = routesOf(t.app).filter((r) => r.method === 'GET' && r.url.startsWith('/quan-tri/:unit/') && !/:(?!unit\b)\w+/.test(r.url))
      .map((r) => fillPath(r.url, WARD_A));
    const records = new Map<string, string>();
    const ID = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z0-9]{6,}(?:-[A-Z0-9]+)*)(?=\/|$)/;
    for (const url of lists) {
      const res = await get(url, asA);
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
      for (const href of linksIn(res.body, `/quan-tri/${WARD_A}/`)) {
        const path = href.split('?')[0];
        if (!ID.test(path) || /\.(pdf|docx|xlsx|csv)$/.test(path)) continue;
        const shape = path.replace(ID, '/#');
        if (!records.has(shape)) records.set(shape, path);
      }
    }
    expect(records.size).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const path of records.values()) {
      const own = await get(path, asA);
      if (own.statusCode !== 200) continue; // e.g. a link that only answers a POST
      const other = path.replace(`/quan-tri/${WARD_A}/`, `/quan-tri/${WARD_B}/`);
      const res = await get(other, asB);
      if (res.statusCode < 400 || res.statusCode >= 500) leaks.push(`${other} → ${res.statusCode} (the record belongs to ${WARD_A})`);
    }
    console.info(`cross-unit records: ${records.size} record pages of ${WARD_A} asked for under ${WARD_B}`);
    expect(leaks).toEqual([]);
  });
});
