import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
const FORM = '/chu-van-an/khao-sat/hai-long-trung-tam';
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

const onlineCount = async () => (await sql<{ n: number }>`select count(*)::int as n from survey_responses r join surveys s on s.id = r.survey_id
  where s.slug = 'hai-long-trung-tam' and s.unit_id = ${await t.unitId()} and r.channel = 'online'`.execute(t.db)).rows[0].n;

async function answerEverything(page: Page) {
  // every 1–5 scale and matrix row: "4 – Hài lòng"; then the first choice of each single question
  for (const radio of await page.locator('input[type=radio][value="4"]').all()) await radio.check();
  await page.getByRole('radio', { name: 'Hộ tịch' }).check();
  await page.getByRole('radio', { name: 'Từ 30 đến 50 tuổi' }).check();
  await page.getByLabel(/đề xuất gì/).fill('Mong có thêm chỗ để xe.');
}

test('a citizen answers the centre survey without JavaScript and staff see it counted', { timeout: 300_000 }, async () => {
  const before = await onlineCount();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/khao-sat`);
  await page.getByRole('link', { name: /Trung tâm Phục vụ hành chính công/ }).click();
  await page.waitForURL(new RegExp(`${FORM}$`));

  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  expect(await page.locator('.error-summary').textContent()).toContain('Vui lòng trả lời câu hỏi bắt buộc này.');

  await answerEverything(page);
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await page.waitForURL(new RegExp(`${FORM}/cam-on$`));
  expect(await page.locator('h1').textContent()).toBe('Cảm ơn ông/bà đã tham gia khảo sát');
  await page.screenshot({ path: 'test-results/surveys-thanks.png', fullPage: true });
  expect(await onlineCount()).toBe(before + 1);
  await ctx.close();

  const staff = await browser.newContext({ javaScriptEnabled: false });
  const sp = await staff.newPage();
  await logInPage(sp, t.url, 'motcua');
  await sp.goto(`${t.url}/quan-tri/chu-van-an/khao-sat`);
  await sp.getByRole('row', { name: /Trung tâm Phục vụ/ }).getByRole('link', { name: 'Kết quả' }).click();
  expect(await sp.locator('h1').textContent()).toContain('Kết quả khảo sát');
  expect(await sp.locator('[data-channel="online"]').textContent()).toBe(String(before + 1));
  expect(await sp.locator('text=Mong có thêm chỗ để xe.').count()).toBe(1);
  await sp.screenshot({ path: 'test-results/surveys-results.png', fullPage: true });
  await staff.close();
});

test('public survey pages pass axe', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // axe needs JavaScript in the page, so these run in a normal context
  for (const path of ['/chu-van-an/khao-sat', FORM, `${FORM}?lang=en`, `${FORM}?kiosk=1`, `${FORM}/cam-on`, `${FORM}/phieu`,
    `${FORM}/ket-qua`, '/chu-van-an/khao-sat/hai-long-chinh-quyen']) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await page.goto(`${t.url}${FORM}/phieu`);
  expect(await page.locator('.paper__head [lang="en"]').count()).toBe(3);
  await page.screenshot({ path: 'test-results/surveys-paper-head.png', clip: { x: 0, y: 0, width: 1280, height: 420 } });
  await page.goto(`${t.url}${FORM}?lang=vi`);
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await page.waitForSelector('.error-summary');
  expect({ path: 'errors', violations: await axeViolations(page) }).toEqual({ path: 'errors', violations: [] });
  await ctx.close();
});

test('the survey form fits a 320 px phone without sideways scrolling', { timeout: 60_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await ctx.newPage();
  await page.goto(`${t.url}${FORM}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await ctx.close();
});

test('staff builder and results pages pass axe', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'motcua');
  const id = (await sql<{ id: string }>`select id from surveys where slug = 'hai-long-trung-tam' and unit_id = ${await t.unitId()}`.execute(t.db)).rows[0].id;
  for (const path of ['/quan-tri/chu-van-an/khao-sat', `/quan-tri/chu-van-an/khao-sat/${id}`, `/quan-tri/chu-van-an/khao-sat/${id}/ket-qua?hang=tuoi&cot=tong-the`]) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await ctx.close();
});
