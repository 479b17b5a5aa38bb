import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, closeBrowserApp, startBrowserApp } from '../helpers/browser.js';
import { loadModules } from '../../src/core/modules-loader.js';
import http from 'node:http';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(); });
afterAll(() => closeBrowserApp(t, browser));

/**
 * Every public GET page of the demo ward: the core's own pages, then each module's public
 * navigation (ModuleDefinition.nav, the registry the unit header and home page are built from).
 */
const CORE_PAGES: { path: string; status?: number }[] = [
  { path: '/' }, { path: '/chu-van-an/' }, { path: '/dang-nhap' }, { path: '/dang-nhap/quen-mat-khau' },
  { path: '/chu-van-an/khong-co-trang', status: 404 },
];
const PAGES = [
  ...CORE_PAGES.map((p) => ({ module: 'core', ...p })),
  ...(await loadModules()).flatMap((m) => (m.nav ?? []).map((n) => ({ module: m.name, path: `/chu-van-an/${n.path}`, status: undefined as number | undefined }))),
];
const BUDGET = { total: 30 * 1024, js: 10 * 1024 };

test('the page weight counts compressed bytes: pages and static files are sent with br', async () => {
  const html = await wireBytes(`${t.url}/chu-van-an/`, 'br');
  expect(html.encoding).toBe('br');
  const css = /href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(await (await fetch(`${t.url}/chu-van-an/`)).text())![1];
  const wire = await wireBytes(`${t.url}${css}`, 'br');
  expect(wire.encoding).toBe('br');
  const decoded = (await (await fetch(`${t.url}${css}`)).arrayBuffer()).byteLength;
  expect(wire.bytes).toBeLessThan(decoded / 2);
});

/** Bytes on the wire (fetch would decode them): node:http does not. */
function wireBytes(url: string, encoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
    }).on('error', reject);
  });
}

/** Compressed bytes (br, as a browser over HTTPS gets them) of what the page loaded: HTML, CSS, JS; fonts and images excluded. */
async function pageWeight(urls: { url: string; type: string }[]) {
  let total = 0;
  let js = 0;
  const parts: string[] = [];
  for (const { url, type } of urls) {
    const { bytes } = await wireBytes(url, 'br');
    total += bytes;
    if (type === 'script') js += bytes;
    parts.push(`${new URL(url).pathname} ${(bytes / 1024).toFixed(1)} KB`);
  }
  return { total, js, parts };
}

for (const p of PAGES) {
  test(`public page ${p.path} (${p.module}): axe, 320 px, weight`, { timeout: 90_000 }, async () => {
    const url = `${t.url}${p.path}`;
    const ctx = await browser.newContext();
    // No network beyond the app (map tiles, say): the machine has none and the budget counts our bytes.
    await ctx.route((u) => !u.href.startsWith(t.url), (r) => r.abort());
    const page = await ctx.newPage();
    const loaded: { url: string; type: string }[] = [];
    page.on('requestfinished', (r) => {
      const type = r.resourceType();
      if (['document', 'stylesheet', 'script'].includes(type) && r.url().startsWith(t.url)) loaded.push({ url: r.url(), type });
    });
    const res = await page.goto(url, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(p.status ?? 200);
    const violations = await axeViolations(page);
    await ctx.close();

    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    await narrow.route((u) => !u.href.startsWith(t.url), (r) => r.abort());
    const np = await narrow.newPage();
    await np.goto(url, { waitUntil: 'networkidle' });
    const overflow = await np.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await narrow.close();

    const weight = await pageWeight(loaded);
    expect({
      path: p.path,
      violations,
      overflow_320px: overflow > 0 ? overflow : 0,
      over_budget: weight.total > BUDGET.total || weight.js > BUDGET.js
        ? `HTML+CSS+JS ${(weight.total / 1024).toFixed(1)} KB (≤ 30), JS ${(weight.js / 1024).toFixed(1)} KB (≤ 10): ${weight.parts.join(', ')}` : null,
    }).toEqual({ path: p.path, violations: [], overflow_320px: 0, over_budget: null });
  });
}

test('demo ward home page, staff login and logout, without JavaScript', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/`);
  expect(await page.locator('h1').first().textContent()).toContain('Phường Chu Văn An');
  await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
  await page.getByLabel('Tên đăng nhập').fill('lanhdao');
  await page.getByLabel('Mật khẩu').fill('ThanThien2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri\/chu-van-an$/);
  expect(await page.locator('h1').textContent()).toBe('Trang làm việc');
  await page.screenshot({ path: 'test-results/core-staff-home.png', fullPage: true });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/chu-van-an\/$/);
  const res = await page.goto(`${t.url}/quan-tri/chu-van-an`);
  expect(page.url()).toContain('/dang-nhap?next=');
  expect(res?.status()).toBe(200);
  await ctx.close();
});

test('home page fits 320 px and 200 % zoom without sideways scrolling', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/core-home-320.png', fullPage: true });
  // 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels.
  const zoomed = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const zp = await zoomed.newPage();
  await zp.goto(`${t.url}/chu-van-an/`);
  const zOverflow = await zp.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(zOverflow).toBeLessThanOrEqual(0);
  await ctx.close();
  await zoomed.close();
});
