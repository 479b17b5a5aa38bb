import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

test('from the city ranking to a ward\'s indicator to the records behind it', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'thanhpho', { home: /\/quan-tri\// });

  await page.goto(`${t.url}/quan-tri/hai-phong/tieu-chi`);
  expect(await page.locator('h1').textContent()).toContain('Xếp hạng các phường, xã, đặc khu');
  expect(await page.locator('table.ranking tbody tr').count()).toBe(114);
  await page.screenshot({ path: 'test-results/scoring-city.png', fullPage: false });

  await page.locator('table.ranking').getByRole('link', { name: 'Phường Chu Văn An' }).click();
  await page.waitForURL(/\/quan-tri\/chu-van-an\/tieu-chi/);
  expect(await page.locator('h1').textContent()).toContain('Tiêu chí "Chính quyền thân thiện"');
  await page.screenshot({ path: 'test-results/scoring-ward.png', fullPage: true });

  const row = page.locator('tr#chi-so-c4\\.green_parking');
  expect(await row.locator('td').first().textContent()).toContain('Đạt đầy đủ');
  await row.getByRole('link', { name: /Minh chứng/ }).click();
  await page.waitForURL(/\/tieu-chi\/minh-chung\/scoring\.facilities_green_parking/);
  expect(await page.locator('.evidence-list').textContent()).toContain('bãi để xe máy miễn phí 60 chỗ');
  const download = await page.getByRole('link', { name: /Tải tệp minh chứng/ }).getAttribute('href');
  const file = await page.request.get(`${t.url}${download}`);
  expect([file.status(), file.headers()['content-type']]).toEqual([200, 'image/png']);
  await page.screenshot({ path: 'test-results/scoring-evidence.png', fullPage: true });

  // Measured indicators link to the module's records (once the modules expose their indicators).
  await page.goBack();
  const records = page.locator('table.indicators a', { hasText: /^Hồ sơ, dữ liệu/ });
  if (await records.count()) {
    const href = await records.first().getAttribute('href');
    expect(href).toMatch(/^\/quan-tri\/[a-z0-9-]+\//);
    // the city account reads scorecards, not a ward's staff lists: the records answer, never with a server error
    const r = await page.request.get(`${t.url}${href}`);
    expect(r.status()).toBeLessThan(500);
  }
  await ctx.close();
});

test('the public summary passes axe and fits a 320 px screen', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/chinh-quyen-than-thien`);
  expect(await page.locator('h1').textContent()).toBe('Chính quyền thân thiện');
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: 'test-results/scoring-public-320.png', fullPage: true });
  await ctx.close();
});
