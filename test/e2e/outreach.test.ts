import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

const run = promisify(execFile);
let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

const click = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);

/** axe needs JavaScript: check the page in a context with it (the staff cookie copied over when given). */
async function axeOf(from: BrowserContext | null, url: string) {
  const ctx = await browser.newContext();
  if (from) await ctx.addCookies(await from.cookies());
  const page = await ctx.newPage();
  await page.goto(url);
  const v = await axeViolations(page);
  await ctx.close();
  return v;
}

async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(`${t.url}${href}`);
  expect(res.status()).toBe(200);
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-letter-'));
  await writeFile(path.join(dir, 'l.pdf'), await res.body());
  return (await run('pdftotext', ['-layout', path.join(dir, 'l.pdf'), '-'])).stdout;
}

test('marriage registration → congratulation letter in one click → signed and handed over at the centre', { timeout: 180_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'motcua');

  // The couple registers their marriage at the counter.
  await page.goto(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`);
  const select = page.getByLabel('Thủ tục hành chính');
  await select.selectOption((await select.locator('option', { hasText: /^Đăng ký kết hôn \(/ }).first().getAttribute('value'))!);
  await page.getByLabel('Họ tên người nộp').fill('Phan Quốc Bảo');
  await page.getByLabel('Số điện thoại').fill('0912 000 888');
  await click(page, 'Tiếp nhận hồ sơ');
  await page.waitForURL(/\/ho-so\/[^/?]+\?moi=1$/);
  const code = (await page.locator('h1').textContent())!.replace('Hồ sơ ', '').trim();

  // One click on the dossier page makes the numbered letter.
  await click(page, 'Tạo thư chúc mừng kết hôn');
  await page.waitForURL(/\/quan-tri\/chu-van-an\/thu\/[0-9a-f-]+\?moi=1$/);
  const h1 = (await page.locator('h1').textContent())!;
  expect(h1).toMatch(/^Thư chúc mừng kết hôn \d{2}\/TCM-UBND · \d{2}\/\d{2}\/\d{4}$/);
  expect(await page.locator('.tag').first().textContent()).toBe('Nháp');
  expect(await page.locator('.letter-text').textContent()).toContain('Phan Quốc Bảo');
  await page.screenshot({ path: 'test-results/outreach-letter.png', fullPage: true });
  const pdf = await pdfText(page, (await page.getByRole('link', { name: 'PDF' }).first().getAttribute('href'))!);
  expect(pdf).toContain('THƯ CHÚC MỪNG');
  expect(pdf).toContain('Kính gửi: Ông/Bà Phan Quốc Bảo');
  expect(pdf).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

  // The chairman signs; the letter is handed over with the certificate.
  await click(page, 'Đánh dấu đã ký');
  expect(await page.locator('.tag').first().textContent()).toBe('Đã ký');
  await click(page, 'Đã trao tận tay');
  expect(await page.locator('.tag').first().textContent()).toBe('Đã trao');

  // A second click from the dossier opens the same letter (no second number).
  await page.goto(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}`);
  await click(page, 'Tạo thư chúc mừng kết hôn');
  expect(await page.locator('h1').textContent()).toBe(h1);

  // The picker of marriage dossiers lists it with its letter; the register finds it by name.
  await page.goto(`${t.url}/quan-tri/chu-van-an/thu/tu-ho-so?loai=marriage`);
  expect(await page.getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) }).textContent()).toMatch(/Thư số \d+\/TCM-UBND/);
  await page.goto(`${t.url}/quan-tri/chu-van-an/thu?q=phan+quoc+bao`);
  expect(await page.getByRole('row', { name: /Phan Quốc Bảo/ }).count()).toBe(1);
  await page.screenshot({ path: 'test-results/outreach-register.png', fullPage: true });
  expect(await axeOf(ctx, page.url())).toEqual([]);
  await ctx.close();
});

test('a youth union member signs up for a shift; the centre checks her in and out and counts the hours', { timeout: 180_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await page.goto(`${t.url}/chu-van-an/tinh-nguyen`);
  const slot = page.locator('input[name=slot]').first();
  const slotValue = (await slot.getAttribute('value'))!;
  await slot.check();
  await page.getByLabel('Họ tên').fill('Vũ Thị Thanh Tâm');
  await page.getByLabel('Tổ chức, đoàn thể').fill('Đoàn Thanh niên Cộng sản Hồ Chí Minh');
  await page.getByLabel('Số điện thoại').fill('12345');
  await click(page, 'Đăng ký ca trực');
  expect(await page.locator('.error-summary').textContent()).toContain('Số điện thoại chưa đúng');
  expect(await page.getByLabel('Họ tên').inputValue()).toBe('Vũ Thị Thanh Tâm');
  await page.getByLabel('Số điện thoại').fill('0912 000 999');
  await page.screenshot({ path: 'test-results/outreach-volunteer-signup.png', fullPage: true });
  expect(await axeOf(null, page.url())).toEqual([]);
  await click(page, 'Đăng ký ca trực');
  await page.waitForURL(/\/tinh-nguyen\/da-dang-ky\?/);
  expect(await page.locator('h1').textContent()).toBe('Đã đăng ký ca trực');
  await page.screenshot({ path: 'test-results/outreach-volunteer-thanks.png', fullPage: true });
  // The same phone cannot take the shift twice.
  await page.goto(`${t.url}/chu-van-an/tinh-nguyen`);
  await page.locator(`input[name=slot][value="${slotValue}"]`).check();
  await page.getByLabel('Họ tên').fill('Vũ Thị Thanh Tâm');
  await page.getByLabel('Tổ chức, đoàn thể').fill('Đoàn Thanh niên');
  await page.getByLabel('Số điện thoại').fill('0912000999');
  await click(page, 'Đăng ký ca trực');
  expect(await page.getByRole('alert').first().textContent()).toContain('đã đăng ký ca trực này');
  await ctx.close();

  // Staff see her on the printable roster; on the day the centre checks her in and out.
  const staff = await browser.newContext({ javaScriptEnabled: false });
  staff.setDefaultTimeout(15_000);
  const sp = await staff.newPage();
  await logInPage(sp, t.url, 'motcua');
  await sp.goto(`${t.url}/quan-tri/chu-van-an/tinh-nguyen/lich-truc`);
  expect(await sp.getByRole('row', { name: /Vũ Thị Thanh Tâm/ }).count()).toBe(1);
  await sp.screenshot({ path: 'test-results/outreach-roster.png', fullPage: true });
  const [day] = slotValue.split('|');
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  await t.db.updateTable('volunteer_signups').set({ day: today }).where('phone', '=', '0912000999').where('day', '=', day).execute();
  await sp.goto(`${t.url}/quan-tri/chu-van-an/tinh-nguyen`);
  await click(sp, 'Điểm danh đến — Vũ Thị Thanh Tâm');
  await t.db.updateTable('volunteer_signups').set({ checked_in_at: new Date(Date.now() - 3 * 3600_000) }).where('phone', '=', '0912000999').execute();
  await click(sp, 'Điểm danh về — Vũ Thị Thanh Tâm');
  expect(await sp.getByRole('row', { name: /Vũ Thị Thanh Tâm/ }).first().textContent()).toContain('3 giờ');
  expect(await sp.getByRole('row', { name: /Vũ Thị Thanh Tâm \(Đoàn Thanh niên/ }).textContent()).toMatch(/1\s*3/);
  await sp.screenshot({ path: 'test-results/outreach-volunteers-staff.png', fullPage: true });
  await staff.close();
});
