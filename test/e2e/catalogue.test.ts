import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';
import { parseVietQr } from '../../src/lib/vietqr/index.js';
import { decodeQrImage, decodeVietQrStandard } from '../../src/modules/catalogue/test-support.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(); });
afterAll(() => closeBrowserApp(t, browser));

test('search "khai sinh" without marks → procedure page; a fee procedure shows its VietQR (no JavaScript)', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const visited: string[] = [];
  await page.goto(`${t.url}/chu-van-an/thu-tuc`);
  visited.push(page.url());

  await page.getByLabel('Tìm thủ tục').fill('lam giay khai sinh');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.waitForURL(/\/thu-tuc\?q=lam\+giay\+khai\+sinh/);
  const first = page.locator('.catalogue-hit a').first();
  expect(await first.textContent()).toBe('Đăng ký khai sinh');
  expect(await first.locator('mark').count()).toBe(2);
  visited.push(page.url());

  await first.click();
  await page.waitForURL(/\/thu-tuc\/dang-ky-khai-sinh$/);
  expect(await page.locator('h1').textContent()).toBe('Đăng ký khai sinh');
  expect(await page.getByText('Tờ khai đăng ký khai sinh (theo mẫu)').isVisible()).toBe(true);
  expect(await page.getByRole('img', { name: 'Mã QR dẫn tới trang thủ tục' }).count()).toBe(1);
  visited.push(page.url());

  // A procedure with a fee: copy certification, 5 pages.
  await page.goto(`${t.url}/chu-van-an/thu-tuc?q=${encodeURIComponent('chung thuc ban sao')}`);
  await page.locator('.catalogue-hit a').first().click();
  await page.waitForURL(/chung-thuc-ban-sao/);
  const qr = page.getByRole('img', { name: /Mã VietQR nộp lệ phí/ });
  expect(await qr.isVisible()).toBe(true);
  await page.getByLabel('Số trang').fill('5');
  await page.getByRole('button', { name: 'Tính lại' }).click();
  await page.waitForURL(/so-luong=5/);
  expect(await page.getByRole('img', { name: 'Mã VietQR nộp lệ phí 7.000 đ' }).isVisible()).toBe(true);
  expect(await page.locator('.catalogue-payment').textContent()).toContain('Số tiền: 7.000 đ');
  visited.push(page.url());
  await page.screenshot({ path: 'test-results/catalogue-fee-qr.png', fullPage: true });

  // What the browser drew, read as a phone would (jsQR on a screenshot, vietnam-qr-pay on the text):
  // the same payload as the API, a valid CRC, the unit's account and 7.000 đ.
  const shot = await page.locator('.catalogue-pay-qr svg').screenshot();
  const scanned = await decodeQrImage(shot);
  expect(decodeVietQrStandard(scanned)).toMatchObject({ valid: true, bankBin: '970415', accountNumber: '113000012345', amount: 7000 });
  const api = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/payment-qr?quantity=5`)).json();
  expect(scanned).toBe(api.payload);
  expect(parseVietQr(api.payload).amount).toBe(7000);

  await page.goto(`${t.url}/chu-van-an/thu-tuc/ap-phich`);
  expect(await page.getByRole('img', { name: 'Mã QR dẫn tới danh mục thủ tục' }).isVisible()).toBe(true);
  await page.screenshot({ path: 'test-results/catalogue-index-poster.png', fullPage: true });
  visited.push(page.url());

  await page.goto(`${t.url}/chu-van-an/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/in`);
  expect(await page.getByRole('img', { name: 'Mã QR dẫn tới trang thủ tục' }).isVisible()).toBe(true);
  visited.push(page.url());
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'test-results/catalogue-poster.pdf', format: 'A4' }).catch(() => undefined);
  await ctx.close();

  // axe needs JavaScript: check every page of the journey in a normal context.
  const checker = await browser.newContext();
  const checkPage = await checker.newPage();
  for (const url of visited) {
    await checkPage.goto(url);
    expect({ url, violations: await axeViolations(checkPage) }).toEqual({ url, violations: [] });
  }
  await checker.close();
});

test('staff pages pass axe: list, edit, history, import', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await logInPage(page, t.url, 'motcua', { home: /\/quan-tri\// });
  await page.goto(`${t.url}/quan-tri/chu-van-an/thu-tuc?can-ra-soat=1`);
  expect({ step: 'list', violations: await axeViolations(page) }).toEqual({ step: 'list', violations: [] });
  await page.locator('table a').first().click();
  await page.waitForURL(/\/quan-tri\/chu-van-an\/thu-tuc\/[0-9a-f-]{36}$/);
  expect({ step: 'edit', violations: await axeViolations(page) }).toEqual({ step: 'edit', violations: [] });
  await page.getByRole('button', { name: 'Xác nhận đã rà soát' }).click();
  await page.waitForURL(/da-xac-nhan=1/);
  expect(await page.getByText('Đã xác nhận rà soát.').isVisible()).toBe(true);
  await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
  expect({ step: 'history', violations: await axeViolations(page) }).toEqual({ step: 'history', violations: [] });
  await page.goto(`${t.url}/quan-tri/chu-van-an/thu-tuc/nhap`);
  expect({ step: 'import', violations: await axeViolations(page) }).toEqual({ step: 'import', violations: [] });
  // the preview: old → new tables and the choice for procedures missing from the file
  const csv = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Phí lệ phí,Thành phần hồ sơ\n1.001193,Đăng ký khai sinh,Hộ tịch,Trong ngày,Miễn phí,Tờ khai; Giấy chứng sinh\n';
  await page.setInputFiles('input[type=file]', { name: 'mot-phan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
  await page.waitForURL(/nhap\/[0-9a-f-]{36}$/);
  expect(await page.getByRole('radio', { name: /Giữ nguyên công bố/ }).isChecked()).toBe(true);
  expect({ step: 'import preview', violations: await axeViolations(page) }).toEqual({ step: 'import preview', violations: [] });
  await ctx.close();

  // the administrator's fee account and hotline form, with an error
  const admin = await t.createStaff('admin');
  const actx = await browser.newContext();
  const apage = await actx.newPage();
  await logInPage(apage, t.url, admin.username, { password: admin.password, home: /\/quan-tri\// });
  await apage.goto(`${t.url}/quan-tri/chu-van-an/thu-tuc/cai-dat`);
  expect({ step: 'settings', violations: await axeViolations(apage) }).toEqual({ step: 'settings', violations: [] });
  await apage.getByLabel('Số tài khoản').fill('số 12');
  await apage.getByRole('button', { name: 'Lưu cài đặt' }).click();
  expect(await apage.getByText('Số tài khoản chỉ gồm chữ số hoặc chữ cái, tối đa 19 ký tự.').first().isVisible()).toBe(true);
  expect({ step: 'settings error', violations: await axeViolations(apage) }).toEqual({ step: 'settings error', violations: [] });
  await actx.close();
});
