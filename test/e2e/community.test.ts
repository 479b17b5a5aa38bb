import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';
import { devOutbox } from '../../src/modules/surveys/index.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

const local = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

test('staff create a group poll, a household votes with its code, the results page shows participation', { timeout: 300_000 }, async () => {
  const staff = await browser.newContext({ javaScriptEnabled: false });
  const sp = await staff.newPage();
  await logInPage(sp, t.url, 'lanhdao');
  await sp.goto(`${t.url}/quan-tri/chu-van-an/cong-dong/bieu-quyet`);
  await sp.getByRole('link', { name: 'Tạo cuộc biểu quyết' }).click();
  await sp.getByLabel('Nội dung biểu quyết').fill('Lắp camera an ninh đầu ngõ 3');
  await sp.getByLabel('Giải thích', { exact: true }).fill('Mỗi hộ đóng góp 300.000 đ; phường hỗ trợ phần còn lại.');
  await sp.getByLabel('Phạm vi').selectOption({ label: 'TDP01 – Tổ dân phố Sao Đỏ 1' });
  await sp.getByLabel('Bắt đầu').fill(local(Date.now() - 60_000));
  await sp.getByLabel('Kết thúc').fill(local(Date.now() + 3 * 86400_000));
  await sp.getByRole('button', { name: 'Tạo cuộc biểu quyết' }).click();
  await sp.getByRole('button', { name: 'Mở nhận phiếu' }).click();
  expect(await sp.locator('.alert--success').textContent()).toContain('Đã mở nhận phiếu.');
  const link = await sp.locator('a[href^="http"][href*="/bieu-quyet/"]').first().getAttribute('href');
  expect(link).toMatch(/\/chu-van-an\/bieu-quyet\/[a-z0-9]{8}$/);
  await sp.screenshot({ path: 'test-results/community-poll-staff.png', fullPage: true });

  const { rows: [h] } = await sql<{ phone: string }>`select h.phone from community_households h join residential_groups g on g.id = h.group_id
    where g.code = 'TDP01' and g.unit_id = ${await t.unitId()} order by h.head_name desc limit 1`.execute(t.db);
  const resident = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const rp = await resident.newPage();
  await rp.goto(link!);
  await rp.getByLabel('Số điện thoại đã đăng ký').fill(h.phone);
  await rp.getByRole('button', { name: 'Nhận mã bỏ phiếu' }).click();
  const code = /(\d{6})/.exec([...devOutbox].reverse().find((m) => m.to === h.phone)!.text)![1];
  await rp.getByLabel('Mã bỏ phiếu').fill(code);
  await rp.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
  await rp.screenshot({ path: 'test-results/community-vote-form.png', fullPage: true });
  await rp.getByRole('button', { name: 'Bỏ phiếu' }).click();
  expect(await rp.locator('h1').textContent()).toBe('Đã ghi nhận phiếu của ông/bà');
  await rp.getByRole('link', { name: 'Xem tỷ lệ tham gia và kết quả' }).click();
  expect(await rp.locator('[data-participation="TDP01"]').textContent()).toBe('8,3 %');
  await rp.screenshot({ path: 'test-results/community-results-public.png', fullPage: true });
  await resident.close();

  await sp.reload();
  expect(await sp.locator('[data-participation="TDP01"]').textContent()).toBe('8,3 %');
  expect(await sp.locator('[data-participation="total"]').textContent()).toBe('8,3 %');
  await staff.close();
});

test('community pages pass axe and fit a phone', { timeout: 300_000 }, async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const path of ['/chu-van-an/bieu-quyet', '/chu-van-an/bieu-quyet/bauto2', '/chu-van-an/bieu-quyet/langngo12/ket-qua',
    '/chu-van-an/thong-bao']) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await page.screenshot({ path: 'test-results/community-broadcasts-public.png', fullPage: true });
  await logInPage(page, t.url, 'lanhdao');
  for (const [path, shot] of [['/quan-tri/chu-van-an/cong-dong', 'overview'], ['/quan-tri/chu-van-an/cong-dong/ho/moi', 'household-form'],
    ['/quan-tri/chu-van-an/cong-dong/thong-bao', 'broadcasts']]) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    await page.screenshot({ path: `test-results/community-${shot}.png`, fullPage: true });
  }
  await ctx.close();
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const np = await narrow.newPage();
  for (const path of ['/chu-van-an/bieu-quyet/bauto2', '/chu-van-an/bieu-quyet/langngo12/ket-qua']) {
    await np.goto(`${t.url}${path}`);
    expect(await np.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await narrow.close();
});
