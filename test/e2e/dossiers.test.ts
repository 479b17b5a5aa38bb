import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';
import { pdfCheck } from '../../src/modules/dossiers/forms/file-checks.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

async function printForm(page: Page, label: string): Promise<string> {
  const href = await page.getByRole('listitem').filter({ hasText: label }).getByRole('link', { name: 'PDF' }).getAttribute('href');
  const res = await page.request.get(`${t.url}${href}`);
  expect(res.status()).toBe(200);
  const { text, inked } = await pdfCheck(Buffer.from(await res.body()));
  expect(inked).toBe(true);
  return text;
}

const click = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);

test('counter intake, supplement, overdue, apology before return, citizen look-up', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'motcua');

  // Receive a complete dossier at the counter.
  await page.goto(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`);
  const select = page.getByLabel('Thủ tục hành chính');
  const value = await select.locator('option', { hasText: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản' }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByLabel('Họ tên người nộp').fill('Nguyễn Thị Hoa');
  await page.getByLabel('Số điện thoại').fill('0912 000 456');
  await click(page, 'Tiếp nhận hồ sơ');
  await page.waitForURL(/\/ho-so\/[^/?]+\?moi=1$/);
  const code = (await page.locator('h1').textContent())!.replace('Hồ sơ ', '').trim();
  expect(code).toMatch(/-\d{6}-\d{4}$/);
  expect(await printForm(page, 'Mẫu 01')).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  // The code as a QR code (the one on Mẫu 01), linking to the look-up page with the code filled in.
  expect(await page.getByRole('img', { name: `Mã QR tra cứu hồ sơ ${code}` }).locator('svg').isVisible()).toBe(true);
  const qrLink = (await page.locator('.dossier-qr a').getAttribute('href'))!;
  expect(qrLink).toBe(`${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
  await page.screenshot({ path: 'test-results/dossiers-qr.png', fullPage: true });

  // Request a supplement (Mẫu 02), receive it, process and approve.
  await page.getByLabel('Giấy tờ, nội dung cần bổ sung').fill('Bản chính hợp đồng mua bán xe');
  await click(page, 'Yêu cầu bổ sung (Mẫu 02)');
  expect(await page.locator('.tag').first().textContent()).toBe('Chờ bổ sung hồ sơ');
  expect(await printForm(page, 'Mẫu 02')).toContain('Bản chính hợp đồng mua bán xe');
  for (const step of ['Đã nhận hồ sơ bổ sung', 'Chuyển xử lý', 'Phê duyệt kết quả', 'Có kết quả, chờ trả']) await click(page, step);

  // Let it go overdue (the due date passed before the result), then try to return it.
  await t.db.updateTable('dossiers').set({ due_date: '2026-01-05' }).where('code', '=', code).execute();
  await page.reload();
  await click(page, 'Trả kết quả cho công dân');
  expect(await page.getByRole('alert').first().textContent()).toContain('Mẫu 04');
  expect(await page.locator('.tag').first().textContent()).toBe('Có kết quả, chờ trả');

  // Issue the apology with a new date, then the return goes through.
  await page.getByLabel('Lý do chậm trễ').fill('Chờ xác minh nguồn gốc tài sản với cơ quan đăng ký');
  await page.getByLabel('Ngày hẹn trả mới').fill('2099-01-05');
  await page.getByLabel('Lãnh đạo chịu trách nhiệm (họ tên)').fill('Trần Minh Đức');
  await page.getByLabel('Chức vụ').fill('Phó Chủ tịch');
  await click(page, 'Lập phiếu xin lỗi');
  expect(await page.getByRole('status').first().textContent()).toContain('Đã lập phiếu xin lỗi');
  expect(await printForm(page, 'Mẫu 04')).toContain('Trần Minh Đức');
  await click(page, 'Trả kết quả cho công dân');
  expect(await page.locator('.tag').first().textContent()).toBe('Đã trả kết quả');
  await page.screenshot({ path: 'test-results/dossiers-detail.png', fullPage: true });

  // The citizen looks the dossier up by code and phone suffix.
  const citizen = await browser.newContext({ javaScriptEnabled: false });
  const cp = await citizen.newPage();
  await cp.goto(qrLink); // scanned from the printed Mẫu 01: only the phone digits are left to type
  expect(await cp.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
  await cp.getByLabel('4 số cuối điện thoại').fill('0456');
  await click(cp, 'Tra cứu');
  const result = await cp.locator('section').textContent();
  expect(result).toContain('Đã trả kết quả');
  expect(result).toContain('05/01/2099');
  expect(result).not.toContain('Nguyễn Thị Hoa');
  await cp.getByLabel('4 số cuối điện thoại').fill('9999');
  await click(cp, 'Tra cứu');
  expect(await cp.getByRole('alert').textContent()).toContain('Không tìm thấy hồ sơ');
  await citizen.close();

  // Accessibility (axe needs JavaScript): the look-up result and the staff detail page.
  const js = await browser.newContext();
  const jp = await js.newPage();
  await jp.goto(`${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&so=0456`);
  expect(await axeViolations(jp)).toEqual([]);
  await js.addCookies((await ctx.cookies()).map((c) => ({ ...c })));
  await jp.goto(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}`);
  expect(await axeViolations(jp)).toEqual([]);
  await js.close();
  await ctx.close();
});
