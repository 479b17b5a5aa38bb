import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { axeViolations, launchBrowser } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await Promise.all([startTestApp(), launchBrowser()]); });
afterAll(async () => { await browser?.close(); await t?.close(); });

test('home and login pages pass axe', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const path of ['/chu-van-an/', '/dang-nhap', '/', '/chu-van-an/khong-co-trang']) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await ctx.close();
});

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

test('home page fits 320 px and 200 % zoom without sideways scrolling, and stays light', { timeout: 90_000 }, async () => {
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

  // HTML + CSS + JS compressed ≤ 30 KB (fonts excluded).
  const html = await fetch(`${t.url}/chu-van-an/`, { headers: { 'accept-encoding': 'br' } });
  const htmlBytes = (await html.arrayBuffer()).byteLength;
  const text = await (await fetch(`${t.url}/chu-van-an/`)).text();
  let total = htmlBytes;
  for (const [, href] of text.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js))"/g)) {
    const r = await fetch(`${t.url}${href}`, { headers: { 'accept-encoding': 'br' } });
    total += (await r.arrayBuffer()).byteLength;
  }
  expect(total).toBeLessThan(30 * 1024);
});
