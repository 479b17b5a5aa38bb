import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

test('a citizen on a phone asks without JavaScript, follows up, rates the answer; staff see the question', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${t.url}/chu-van-an/thu-tuc`);
  // the widget on the catalogue page leads to the assistant
  await page.getByRole('search', { name: 'Chưa tìm thấy? Hỏi trợ lý' }).getByLabel('Câu hỏi của ông/bà').fill('dang ky ket hon can giay to gi');
  await page.getByRole('search', { name: 'Chưa tìm thấy? Hỏi trợ lý' }).getByRole('button', { name: 'Hỏi' }).click();
  await page.waitForURL(/\/chu-van-an\/tro-ly\?q=/);
  await expect.poll(() => page.locator('.assistant-answer').textContent()).toContain('Giấy tờ cần nộp cho thủ tục «Đăng ký kết hôn»');
  // axe and the layout check run scripts: the same page in a context with JavaScript
  const checks = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const checked = await checks.newPage();
  await checked.goto(page.url());
  expect(await axeViolations(checked)).toEqual([]);
  expect(await checked.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await checks.close();

  await page.getByLabel('Câu hỏi của ông/bà').fill('còn lệ phí thì sao?');
  await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
  await expect.poll(() => page.locator('.assistant-answer').textContent()).toContain('Lệ phí thủ tục «Đăng ký kết hôn»');
  await page.screenshot({ path: 'test-results/assistant-phone.png', fullPage: true });
  await page.getByRole('button', { name: 'Có ích' }).click();
  await expect.poll(() => page.getByText('Cảm ơn ông/bà đã cho biết.').count()).toBe(1);

  await page.goto(`${t.url}/chu-van-an/tro-ly?q=${encodeURIComponent('làm hộ chiếu ở đâu')}`);
  await expect.poll(() => page.locator('.assistant-answer').textContent()).toContain('0220 3882 115');
  await ctx.close();

  const staffCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffCtx.newPage();
  staff.setDefaultTimeout(20_000);
  await logInPage(staff, t.url, 'motcua');
  await staff.goto(`${t.url}/quan-tri/chu-van-an/tro-ly`);
  await expect.poll(() => staff.locator('main').textContent()).toContain('làm hộ chiếu ở đâu');
  expect(await axeViolations(staff)).toEqual([]);
  await staff.screenshot({ path: 'test-results/assistant-staff.png', fullPage: true });
  await staffCtx.close();
});
