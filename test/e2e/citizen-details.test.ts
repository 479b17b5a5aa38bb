import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { sql } from 'kysely';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { axeViolations, launchBrowser } from '../helpers/browser.js';
import { vnDateOf } from '../../src/lib/vn-calendar/index.js';

/**
 * The small things a citizen meets on a phone (390 px) and a desktop (1280 px), in a browser:
 * survey scales with their words and a rating saved on the first tap, the location of a feedback
 * without map tiles, the Vietnamese file picker, the favicon, month names in the statistics, and
 * the queue kiosk closed on a day off (the queue's opening hours are on; the day off makes it
 * closed at any hour the test runs).
 */
let t: TestApp;
let browser: Browser;
const U = 'chu-van-an';
const SURVEY = `/${U}/khao-sat/hai-long-trung-tam`;
const HAI_PHONG = { latitude: 20.8449, longitude: 106.6881 };

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off', THANTHIEN_QUEUE_HOURS: 'on' } }), launchBrowser()]);
  const leader = await t.login('lanhdao');
  const off = await fetch(`${t.url}/quan-tri/${U}/lich-nghi`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: leader.cookie },
    body: new URLSearchParams({ _csrf: leader.csrf, date: vnDateOf(new Date()), kind: 'off', reason: 'Nghỉ phòng chống bão' }).toString(),
  });
  expect(off.status).toBe(303);
}, 120_000);
afterAll(async () => { await browser?.close(); await t?.close(); });

async function context(width: number, opts: { geolocation?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    ...(opts.geolocation ? { geolocation: HAI_PHONG, permissions: ['geolocation'] } : {}),
  });
  // No map tiles, no network beyond the app.
  await ctx.route((u) => !u.href.startsWith(t.url), (r) => r.abort());
  return ctx;
}

const drafts = async () => (await sql<{ answers: Record<string, number> }>`select d.answers from survey_response_drafts d
  join surveys s on s.id = d.survey_id where s.slug = 'hai-long-trung-tam' order by d.updated_at`.execute(t.db)).rows;

describe.each([390, 1280])('at %i px', (width) => {
  test('survey scales show their words; a rating is saved on the first tap and changed by the next', { timeout: 120_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await page.goto(`${t.url}${SURVEY}`);
    const scale = page.locator('fieldset.scale').first();
    const labels = scale.locator('.scale__label');
    expect(await labels.count()).toBeGreaterThanOrEqual(5);
    for (const label of await labels.all()) {
      expect(await label.isVisible()).toBe(true);
      const box = (await label.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    expect(await labels.allTextContents()).toContain('Hài lòng');
    const before = (await drafts()).length;
    const name = (await scale.locator('input[type=radio]').first().getAttribute('name'))!;
    const saved = () => page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/khao-sat/'));
    let response = saved();
    await scale.locator('.scale__point', { has: page.locator('input[value="4"]') }).click();
    expect((await response).ok()).toBe(true);
    expect(await drafts()).toHaveLength(before + 1);
    expect((await drafts()).at(-1)!.answers[name]).toBe(4);
    response = saved();
    await scale.locator('.scale__point', { has: page.locator('input[value="2"]') }).click();
    expect((await response).ok()).toBe(true);
    expect(await drafts()).toHaveLength(before + 1);
    expect((await drafts()).at(-1)!.answers[name]).toBe(2);
    expect(await page.locator('[data-draft-status]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/i12-survey-scale-${width}.png` });
    await ctx.close();
  });

  test('feedback: the address and "use my location" work with no map tiles; the photo picker speaks Vietnamese', { timeout: 120_000 }, async () => {
    const ctx = await context(width, { geolocation: true });
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/phan-anh`);
    expect(await page.locator('input[name="lat"]:visible, input[name="lng"]:visible').count()).toBe(0);
    const picker = page.locator('.file-picker').first();
    expect(await picker.locator('.file-picker__button').textContent()).toContain('Chọn tệp');
    expect(await picker.locator('.file-picker__button').isVisible()).toBe(true);
    expect(await picker.locator('[data-file-name]').textContent()).toBe('Chưa chọn tệp nào');
    await picker.locator('input[type=file]').setInputFiles({ name: 'o-ga.png', mimeType: 'image/png', buffer: await photo() });
    expect(await picker.locator('[data-file-name]').textContent()).toBe('o-ga.png');
    await page.getByRole('button', { name: 'Lấy vị trí hiện tại của tôi' }).click();
    await expect.poll(() => page.locator('#f-lat').inputValue()).toBe(HAI_PHONG.latitude.toFixed(6));
    expect(await page.locator('.feedback-form__geo').textContent()).toContain('Đã ghi nhận vị trí');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Hạ tầng, giao thông').check();
    await page.getByLabel('Nội dung phản ánh').fill(`Ổ gà lớn giữa đường trước nhà văn hóa tổ 3 (${width}).`);
    await page.getByLabel('Địa chỉ, địa điểm').fill('Trước nhà văn hóa tổ 3');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.waitForURL(/\/phan-anh\/PA-[^?]+\?moi=1$/);
    const sent = await page.locator('.feedback-sent').textContent();
    expect(sent).toContain('Trước nhà văn hóa tổ 3');
    expect(sent).toContain('1 ảnh đã gửi kèm');
    const code = /\/phan-anh\/(PA-[^?]+)/.exec(page.url())![1];
    const { rows } = await sql<{ lat: number; lng: number }>`select lat, lng from feedback where code = ${code}`.execute(t.db);
    expect(rows[0]).toEqual({ lat: HAI_PHONG.latitude, lng: HAI_PHONG.longitude });
    await page.screenshot({ path: `test-results/i12-feedback-no-tiles-${width}.png`, fullPage: true });
    await ctx.close();
  });

  test('favicon, month names in the statistics, one title segment each', { timeout: 60_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/thong-ke`);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await page.request.get(`${t.url}${icon}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
    expect((await page.request.get(`${t.url}/favicon.ico`)).status()).toBe(200);
    const months = await page.locator('tbody th[scope="row"]').allTextContents();
    expect(months.filter((m) => /^Tháng \d{1,2}$/.test(m.trim())).length).toBeGreaterThan(0);
    const title = await page.title();
    const parts = title.split(' – ').map((p) => p.toLowerCase());
    expect(new Set(parts).size).toBe(parts.length);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await ctx.close();
  });

  test('on a day off the kiosk gives no number, says why, and offers booking', { timeout: 60_000 }, async () => {
    const ctx = await context(width);
    const page = await ctx.newPage();
    await page.goto(`${t.url}/${U}/quay/lay-so`);
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('Hiện không cấp số thứ tự');
    expect(main).toContain('Nghỉ phòng chống bão');
    expect(await page.locator('[name="service"]').count()).toBe(0);
    expect(await page.locator(`main a[href="/${U}/quay/dat-lich"]`).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/i12-kiosk-closed-${width}.png`, fullPage: true });
    await ctx.close();
  });
});

/** A small grey photo (PNG). */
const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a8a8a' } }).png().toBuffer();
