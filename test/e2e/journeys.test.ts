import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

/**
 * Staff workspace and citizen journeys at a phone width (390 px) and a desktop width (1280 px):
 * axe (WCAG 2.2 AA) on each page, the header's share of the first screen, and screenshots.
 */
let t: TestApp;
let browser: Browser;
const U = 'chu-van-an';
const WIDTHS = [390, 1280] as const;
const shot = (page: Page, name: string, width: number) => page.screenshot({ path: `test-results/i12-${name}-${width}.png`, fullPage: true });

beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

async function context(width: number, js = true): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, javaScriptEnabled: js });
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
}

describe.each(WIDTHS)('at %i px', (width) => {
  test('public pages pass axe; the header takes less than a third of a phone screen', { timeout: 480_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    for (const [name, path] of [['home', `/${U}/`], ['calendar', `/${U}/lich-cong-tac`], ['stats', `/${U}/thong-ke`],
      ['disclosures', `/${U}/cong-khai`], ['directory', `/${U}/danh-ba`], ['booking', `/${U}/quay/dat-lich?linh_vuc=ho-tich`],
      ['kiosk', `/${U}/quay/lay-so`], ['feedback-form', `/${U}/phan-anh`]] as const) {
      await page.goto(`${t.url}${path}`);
      expect({ path, v: await axeViolations(page) }).toEqual({ path, v: [] });
      if (width === 390) await noSidewaysScroll(page);
      await shot(page, name, width);
    }
    await page.goto(`${t.url}/${U}/`);
    const header = await page.evaluate(() => {
      // From the top of the page to the bottom of the header or its menu, whichever ends lower.
      const els = Array.from(document.querySelectorAll('.site-header, .site-nav')) as HTMLElement[];
      return Math.max(...els.map((el) => el.getBoundingClientRect().bottom + window.scrollY));
    });
    if (width === 390) expect(header).toBeLessThan(844 / 3);
    await ctx.close();
  });

  test('the home page search box finds a procedure without JavaScript', { timeout: 60_000 }, async () => {
    const ctx = await context(width, false);
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/`);
    const box = page.getByRole('searchbox', { name: /Tìm thủ tục hành chính/ });
    const boxTop = await box.evaluate((el) => el.getBoundingClientRect().top);
    expect(boxTop).toBeLessThan(width < 600 ? 844 : 900); // on the first screen
    await box.fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).first().click();
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh/);
    expect(await page.locator('main').textContent()).toMatch(/khai sinh/i);
    await shot(page, 'home-search-result', width);
    await ctx.close();
  });

  test('a booking ends on its own page, which can be reloaded and cancelled', { timeout: 60_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/quay/dat-lich`);
    await page.getByLabel('Lĩnh vực').selectOption('ho-tich');
    await page.getByRole('button', { name: 'Xem khung giờ còn trống' }).click();
    await page.getByLabel('Khung giờ').selectOption({ index: 3 });
    await page.getByLabel('Họ và tên').fill(`Ngô Thị Lan ${width}`);
    await page.getByLabel(/Số điện thoại/).fill(`09120003${width === 390 ? '90' : '80'}`);
    await page.getByRole('button', { name: 'Đặt lịch' }).click();
    await page.waitForURL(/\/quay\/dat-lich\/hen\//);
    expect(await page.locator('h1').textContent()).toBe('Lịch hẹn của ông/bà');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'booking-page', width);
    await page.reload();
    expect(await page.locator('.booking-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
    await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
    expect(await page.locator('main').textContent()).toContain('Đã hủy lịch hẹn');
    await ctx.close();
  });

  test('feedback: the confirmation shows what was sent with a copy button; the form has no coordinate fields', { timeout: 60_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/phan-anh`);
    expect(await page.locator('input[name="lat"]:visible').count()).toBe(0);
    await page.getByLabel('Hạ tầng, giao thông').check();
    const text = `Biển báo giao thông ở ngã ba bị đổ (${width}).`;
    await page.getByLabel('Nội dung phản ánh').fill(text);
    await page.getByLabel('Địa chỉ, địa điểm').fill('Ngã ba Hoa Sữa');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.waitForURL(/\/phan-anh\/PA-[^?]+\?moi=1$/);
    expect(await page.locator('.feedback-sent').textContent()).toContain(text);
    expect(await page.getByRole('button', { name: 'Sao chép mã' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'feedback-sent', width);
    await ctx.close();
  });

  test('staff pages: the board for a leader and the lists its tiles open pass axe', { timeout: 480_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await logInPage(page, t.url, 'lanhdao');
    expect(await page.locator('[data-tile]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-trend] svg').count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);
    if (width === 390) await noSidewaysScroll(page);
    await shot(page, 'staff-home', width);
    const hrefs = await page.locator('[data-tile] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const href of hrefs) {
      await page.goto(`${t.url}${href}`);
      expect({ href, v: await axeViolations(page) }).toEqual({ href, v: [] });
    }
    await page.goto(`${t.url}/quan-tri/${U}/ho-so/tiep-nhan?tim=khai+sinh`);
    expect(await page.locator('.intake-search a').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'intake-search', width);
    await page.goto(`${t.url}/quan-tri/`);
    expect(page.url()).toBe(`${t.url}/quan-tri/${U}`);
    await page.goto(`${t.url}/quan-tri/${U}/`);
    expect(page.url()).toBe(`${t.url}/quan-tri/${U}`);
    await ctx.close();
  });
});
