import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appendFileSync, mkdirSync } from 'node:fs';
import { startTestApp, type Session, type TestApp } from '../helpers/app.js';
import { axeViolations, launchBrowser } from '../helpers/browser.js';
import { crawlPages, routePatterns, SKIPPED_ROUTES, type FoundPage } from './all-pages/crawl.js';
import { extraUrls } from './all-pages/extra-urls.js';

/**
 * Every GET page of the route table (app.routeTable), public pages of the demo ward and staff pages
 * as an admin, at a phone width (390 px) and a desktop width (1280 px): axe (WCAG 2.2 AA) at 0
 * violations, no sideways scroll on the phone. Route parameters are filled by following links from the
 * home pages (plus a few URLs only a citizen's action makes, from the demo data); a GET route that
 * is neither reached nor listed in SKIPPED_ROUTES with a reason fails the coverage test, so a new
 * page cannot be left out silently. THANTHIEN_SHOTS=<dir> also saves a screenshot of each page.
 */
const U = 'chu-van-an';
const SHOTS = process.env.THANTHIEN_SHOTS;
/** THANTHIEN_PAGE_LOG=<file>: each problem is also appended there as soon as it is found. */
const LOG = process.env.THANTHIEN_PAGE_LOG;
/** THANTHIEN_PAGE_WIDTHS=390: only these widths (to look at one quickly). */
const WIDTHS = (process.env.THANTHIEN_PAGE_WIDTHS?.split(',').map(Number) ?? [390, 1280]);

let t: TestApp;
let browser: Browser;
let admin: Session;
let pages: FoundPage[] = [];
let unreached: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }), launchBrowser()]);
  const account = await t.createStaff('admin', U);
  admin = await t.login(account.username, account.password);
  const patterns = routePatterns((t.app as unknown as { routeTable: { method: string; url: string }[] }).routeTable);
  const result = await crawlPages(t.url, patterns, {
    unit: U, cookie: admin.cookie,
    roots: ['/', `/${U}/`, '/dang-nhap', `/quan-tri/${U}`, '/quan-tri/', `/quan-tri/${U}/`, ...await extraUrls(t, admin)],
  });
  pages = result.pages;
  unreached = result.unreached;
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => { await browser?.close(); await t?.close(); });

test('every GET route of the app is reached by the crawl or listed with a reason', () => {
  expect(unreached).toEqual([]);
  expect(pages.length).toBeGreaterThan(100);
  // The list of skipped routes holds no route that no longer exists.
  const known = new Set((t.app as unknown as { routeTable: { url: string }[] }).routeTable.map((r) => r.url));
  expect(Object.keys(SKIPPED_ROUTES).filter((r) => !r.includes('*') && !known.has(r))).toEqual([]);
});

async function context(width: number, staff: boolean): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  // No network beyond the app (map tiles, say): the machine has none.
  await ctx.route((u) => !u.href.startsWith(t.url), (r) => r.abort());
  if (staff) {
    const base = new URL(t.url);
    await ctx.addCookies(admin.cookie.split('; ').map((c) => {
      const [name, ...rest] = c.split('=');
      return { name, value: rest.join('='), domain: base.hostname, path: '/' };
    }));
  }
  return ctx;
}

interface Problem { path: string; status?: number; violations?: unknown; overflow?: number; wide?: string[] }

async function check(page: Page, p: FoundPage, width: number): Promise<Problem | null> {
  const res = await page.goto(`${t.url}${p.url}`, { waitUntil: 'load' });
  const status = res?.status() ?? 0;
  if (status !== p.status) return { path: p.url, status };
  const violations = await axeViolations(page);
  const overflow = width < 600 ? await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) : 0;
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${p.route.replace(/[/:]+/g, '_').replace(/^_/, '')}-${width}.png`, fullPage: true });
  if (violations.length === 0 && overflow <= 0) return null;
  return { path: p.url, ...(violations.length ? { violations } : {}), ...(overflow > 0 ? { overflow, wide: await widest(page) } : {}) };
}

/** The innermost elements that end beyond the right edge of the window (what makes the page scroll sideways). */
function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const over = Array.from(document.body.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    return over.filter((el) => !over.some((o) => o !== el && el.contains(o))).slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`
        + ` right=${Math.round(el.getBoundingClientRect().right)}`);
  });
}

describe.each(WIDTHS)('at %i px', (width) => {
  test('every page passes axe (WCAG 2.2 AA) and fits the screen', { timeout: 1_800_000 }, async () => {
    const problems: Problem[] = [];
    for (const staff of [false, true]) {
      const ctx = await context(width, staff);
      // Two tabs in turn: the machine is small, but axe waits on the page more than on the CPU.
      const tabs = await Promise.all([ctx.newPage(), ctx.newPage()]);
      const toCheck = pages.filter((p) => p.staff === staff);
      await Promise.all(tabs.map(async (tab, i) => {
        for (let k = i; k < toCheck.length; k += tabs.length) {
          const problem = await check(tab, toCheck[k], width).catch((e: Error) => ({ path: toCheck[k].url, error: e.message.slice(0, 200) }));
          if (problem) {
            problems.push(problem);
            if (LOG) appendFileSync(LOG, `${JSON.stringify({ width, ...problem })}\n`);
          }
        }
      }));
      await ctx.close();
    }
    console.log(`${width} px: ${pages.length} pages checked, ${problems.length} with problems`);
    expect(problems).toEqual([]);
  });
});
