import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(); });
afterAll(() => closeBrowserApp(t, browser));

test('public and staff calendar pages pass axe', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/lich-nghi?nam=2026`);
  expect(await axeViolations(page)).toEqual([]);
  await logInPage(page, t.url, 'lanhdao');
  await page.goto(`${t.url}/quan-tri/chu-van-an/lich-nghi?nam=2026`);
  expect(await axeViolations(page)).toEqual([]);
  await ctx.close();
});

test('a leader closes a day for a storm, citizens see it, then the leader removes it — without JavaScript', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'lanhdao');
  await page.getByRole('link', { name: 'Lịch nghỉ, ngày làm việc' }).first().click();
  await page.waitForURL(/\/quan-tri\/chu-van-an\/lich-nghi$/);
  await page.goto(`${t.url}/quan-tri/chu-van-an/lich-nghi?nam=2026`);
  expect(await page.locator('h1').textContent()).toBe('Lịch nghỉ và ngày làm việc năm 2026');

  await page.getByLabel('Ngày', { exact: true }).fill('2026-02-23');
  await page.getByLabel('Nghỉ', { exact: true }).check();
  await page.getByLabel('Lý do, căn cứ').fill('Nghỉ do bão số 1 theo Công điện của UBND thành phố');
  await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await page.waitForURL(/da-luu/);
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã lưu điều chỉnh lịch.');
  await page.screenshot({ path: 'test-results/calendar-staff.png', fullPage: true });

  const due = await (await fetch(`${t.url}/api/v1/calendar/due?start=2026-02-12T09:00&working_days=2&unit=chu-van-an`)).json() as { due_date: string };
  expect(due.due_date).toBe('2026-02-24');

  const citizen = await browser.newContext({ javaScriptEnabled: false });
  const pub = await citizen.newPage();
  await pub.goto(`${t.url}/chu-van-an/lich-nghi?nam=2026`);
  const row = pub.getByRole('row').filter({ hasText: '23/02/2026' });
  expect(await row.textContent()).toContain('Nghỉ do bão số 1');
  await pub.emulateMedia({ media: 'print' });
  expect(await pub.locator('.site-header').isVisible()).toBe(false);
  await pub.pdf({ path: 'test-results/calendar-public.pdf', format: 'A4' });
  await citizen.close();

  await page.getByRole('row').filter({ hasText: 'Nghỉ do bão số 1' }).getByRole('button', { name: 'Xoá' }).click();
  await page.waitForURL(/da-xoa/);
  expect(await page.getByText('Chưa có điều chỉnh nào trong năm.').count()).toBe(1);
  await ctx.close();
});
