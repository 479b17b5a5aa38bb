/**
 * Criterion 3 journey: a citizen reports an official's conduct; the official cannot see who sent
 * it; the head handles it as a denunciation with its clock; the reception book shows the session.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { axeViolations, launchBrowser, logInPage } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
const SHOTS = process.env.SCREENSHOT_DIR ?? null;
const CITIZEN = 'Quách Thị Kín Đáo';
const PHONE = '0977 123 456';

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function context(): Promise<BrowserContext> {
  const ctx = await browser.newContext();
  // No network here: anything not served by the app (map tiles) is refused at once.
  await ctx.route('**/*', (route) => (route.request().url().startsWith(t.url) ? route.continue() : route.abort()));
  return ctx;
}

const shot = async (page: Page, name: string) => { if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }); };

test('conduct report → confidential denunciation → reception book', async () => {
  // 1. A citizen reports an official's conduct through the public feedback form.
  const citizen = await (await context()).newPage();
  await citizen.goto(`${t.url}/chu-van-an/phan-anh`);
  await citizen.getByRole('radio', { name: 'Tác phong, đạo đức cán bộ' }).check();
  await citizen.getByLabel('Nội dung phản ánh').fill('Cán bộ Phó Chủ tịch phường có thái độ quát nạt khi tôi hỏi về hồ sơ đất đai.');
  await citizen.getByLabel('Họ và tên').fill(CITIZEN);
  await citizen.getByLabel('Số điện thoại').fill(PHONE);
  await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await citizen.waitForURL(/\/chu-van-an\/phan-anh\/PA-\d{4}-[A-Z0-9]{6,10}\?moi=1$/);
  const code = /PA-\d{4}-[A-Z0-9]{6,10}/.exec(citizen.url())![0];

  // 2. The head assigns the official concerned and himself as handler, then opens a denunciation.
  const head = await (await context()).newPage();
  await logInPage(head, t.url, 'chutich');
  await head.goto(`${t.url}/quan-tri/chu-van-an/lanh-dao/phan-anh-can-bo`);
  await head.getByRole('row').filter({ hasText: code }).getByRole('link').click();
  await head.getByLabel('Cán bộ bị phản ánh').selectOption({ label: 'Trần Minh Đức — Phó Chủ tịch UBND phường' });
  await head.getByLabel('Người được giao giải quyết').selectOption({ label: 'Nguyễn Thị Thanh Hương — Chủ tịch UBND phường' });
  await head.getByRole('button', { name: 'Lưu', exact: true }).click();
  await head.getByRole('link', { name: /Xem danh tính/ }).click();
  await expect.poll(() => head.content()).toContain(CITIZEN);
  await shot(head, 'conduct-report-head');
  await head.getByRole('button', { name: 'Xử lý như đơn tố cáo' }).click();
  await head.waitForURL(/\/lanh-dao\/vu-viec\/TC-\d{4}-\d{3}$/);
  const caseCode = /TC-\d{4}-\d{3}/.exec(head.url())![0];
  const due = await head.locator('dt', { hasText: 'Hạn thụ lý' }).locator('xpath=following-sibling::dd').textContent();
  expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  const stored = await sql<{ accept_due: string }>`select accept_due from leadership_cases where code = ${caseCode}`.execute(t.db);
  expect(due).toBe(stored.rows[0].accept_due.split('-').reverse().join('/'));
  expect(await head.content()).not.toContain(CITIZEN); // hidden until asked for, and that is audited
  await head.getByRole('button', { name: 'Thụ lý', exact: true }).click();
  await head.waitForURL(/TC-\d{4}-\d{3}$/);
  expect(await head.locator('dt', { hasText: 'Hạn giải quyết' }).locator('xpath=following-sibling::dd').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  await shot(head, 'denunciation-case-head');

  // 3. The official concerned sees the report and the case, never who sent them.
  const official = await (await context()).newPage();
  await logInPage(official, t.url, 'lanhdao');
  for (const path of ['/quan-tri/chu-van-an/lanh-dao/phan-anh-can-bo', `/quan-tri/chu-van-an/lanh-dao/vu-viec/${caseCode}?danh-tinh=1`,
    `/quan-tri/chu-van-an/phan-anh/${code}`]) {
    await official.goto(`${t.url}${path}`);
    const html = await official.content();
    expect(html, path).not.toContain(CITIZEN);
    expect(html, path).not.toContain('0977');
  }
  await official.goto(`${t.url}/quan-tri/chu-van-an/lanh-dao/vu-viec/${caseCode}?danh-tinh=1`);
  expect(await official.locator('[data-identity="hidden"]').textContent()).toContain('giữ bí mật');
  await shot(official, 'denunciation-case-official');

  // 4. The head records the monthly reception session; the reception book shows it.
  await head.goto(`${t.url}/quan-tri/chu-van-an/lanh-dao/tiep-cong-dan`);
  await head.getByRole('radio', { name: 'Người đứng đầu tiếp định kỳ tháng' }).check();
  await head.getByLabel('Người chủ trì tiếp').selectOption({ label: 'Nguyễn Thị Thanh Hương — Chủ tịch UBND phường' });
  await head.getByRole('button', { name: 'Lưu', exact: true }).click();
  await head.waitForURL(/\/tiep-cong-dan\/[0-9a-f-]{36}$/);
  await head.getByLabel('Họ tên người được tiếp').fill('Lưu Văn Khiếu');
  await head.getByLabel('Nội dung vụ việc').fill('Đề nghị giải thích việc thu phí vệ sinh môi trường');
  await head.getByRole('radio', { name: 'Kiến nghị, phản ánh' }).check();
  await head.getByLabel('Hướng xử lý').fill('Giải thích trực tiếp, giao Phòng Kinh tế trả lời bằng văn bản');
  await head.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => head.content()).toContain('Lưu Văn Khiếu');
  await head.goto(`${t.url}/quan-tri/chu-van-an/lanh-dao/tiep-cong-dan/so`);
  const book = await head.content();
  expect(book).toContain('Đề nghị giải thích việc thu phí vệ sinh môi trường');
  expect(book).toContain('Nguyễn Thị Thanh Hương');
  await shot(head, 'reception-book');
  for (const [path, name] of [['/quan-tri/chu-van-an/lanh-dao', 'dashboard'], ['/quan-tri/chu-van-an/lanh-dao/xuong-co-so', 'visits'],
    ['/quan-tri/chu-van-an/lanh-dao/vu-viec', 'cases']] as const) {
    await head.goto(`${t.url}${path}`);
    await shot(head, name);
  }
  const clerk = (await sql<{ id: string }>`select id from users where username = 'motcua'`.execute(t.db)).rows[0].id;
  await head.goto(`${t.url}/quan-tri/chu-van-an/lanh-dao/can-bo/${clerk}/the`);
  expect(await head.locator('.badge-card svg').count()).toBe(1);
  await shot(head, 'badge');
}, 240_000);

test('public pages: code of conduct and an official\'s page pass axe and fit 320 px', async () => {
  const badge = (await sql<{ badge_no: string }>`select p.badge_no from leadership_profiles p join users u on u.id = p.user_id
    where u.username = 'motcua'`.execute(t.db)).rows[0].badge_no;
  const ctx = await context();
  const page = await ctx.newPage();
  for (const [path, name] of [['/chu-van-an/quy-tac-ung-xu', 'code-of-conduct'], [`/chu-van-an/can-bo/${badge}`, 'official-public']] as const) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${t.url}${path}`);
    expect({ path, v: await axeViolations(page) }).toEqual({ path, v: [] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(page, name);
  }
  await ctx.close();
}, 120_000);
