import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(); });
afterAll(() => closeBrowserApp(t, browser));

test('directory → vCard download, without JavaScript', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/`);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).or(page.locator('nav.site-nav')).first().getByRole('link', { name: 'Danh bạ' }).click();
  await page.waitForURL(/\/chu-van-an\/danh-ba$/);
  expect(await page.locator('h1').textContent()).toBe('Danh bạ điện thoại');
  await expect.poll(() => page.getByText('Nguyễn Văn Thương').count()).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lưu danh bạ (vCard) Nguyễn Văn Thương' }).first().click()]);
  const card = readFileSync(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/\.vcf$/);
  expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
  expect(card).toContain('FN:Nguyễn Văn Thương');
  expect(card).toContain('TEL;TYPE=WORK,VOICE:0912 000 103');
  await page.screenshot({ path: 'test-results/transparency-directory.png', fullPage: true });
  await ctx.close();
});

test('calendar → ICS parses with a standard parser', { timeout: 90_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/lich-cong-tac`);
  await page.getByRole('link', { name: 'Lịch của Chủ tịch UBND phường' }).click();
  await page.waitForURL(/lich=chu-tich/);
  expect(await page.getByText('Tiếp công dân định kỳ').count()).toBeGreaterThan(0);
  const href = await page.getByRole('link', { name: 'Thêm vào lịch điện thoại (iCalendar)' }).getAttribute('href');
  const ics = await (await page.request.get(`${t.url}${href}`)).text();
  const cal = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
  const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  expect(events.length).toBeGreaterThanOrEqual(5);
  expect(events.some((e) => e.summary === 'Tiếp công dân định kỳ' && e.startDate.toString().endsWith('T07:30:00'))).toBe(true);
  await page.getByRole('link', { name: 'Tuần sau →' }).click();
  await page.waitForURL(/tuan=\d{4}-W\d{2}/);
  await page.getByRole('link', { name: 'Bản in lịch tuần (A4 ngang)' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/transparency-calendar-sheet.pdf', landscape: true, format: 'A4' });
  await ctx.close();
});

test('public transparency pages pass axe', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const docs = await (await fetch(`${t.url}/api/v1/units/chu-van-an/disclosures`)).json() as { documents: { url: string }[]; projects: { url: string }[] };
  const paths = ['/chu-van-an/danh-ba', '/chu-van-an/lich-cong-tac', '/chu-van-an/lich-cong-tac?lich=chu-tich', '/chu-van-an/lich-cong-tac/ban-in',
    '/chu-van-an/tiep-cong-dan', '/chu-van-an/cong-khai', docs.documents[0].url, docs.projects[0].url, '/chu-van-an/thong-ke',
    '/chu-van-an/ap-phich/danh-ba', `${docs.projects[0].url}/ap-phich`];
  for (const path of paths) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await ctx.close();
});

test('the staff review list passes axe and lists procedures with a link to review them', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'lanhdao', { home: /\/quan-tri\// });
  await page.goto(`${t.url}/quan-tri/chu-van-an/ra-soat`);
  expect(await page.getByRole('heading', { name: /Quá hạn rà soát/ }).isVisible()).toBe(true);
  expect(await page.getByRole('link', { name: 'Mở thủ tục để rà soát Đăng ký khai sinh', exact: true, includeHidden: true }).count()).toBe(1);
  expect({ violations: await axeViolations(page) }).toEqual({ violations: [] });
  await ctx.close();
});
