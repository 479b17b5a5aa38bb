import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import sharp from 'sharp';
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { axeViolations, launchBrowser, logInPage } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];
const FORM = '/chu-van-an/phan-anh';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _session, done) { simpleParser(stream).then((m) => { inbox.push(m); done(); }, done); },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  [t, browser] = await Promise.all([
    startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off', SMTP_URL: `smtp://127.0.0.1:${port}` } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const noViolations = async (page: Page, name: string) => expect({ page: name, v: await axeViolations(page) }).toEqual({ page: name, v: [] });

/** axe runs in a JavaScript-enabled page (it is injected script); our pages render the same either way. */
async function checkAccessibility(path: string, name: string, prepare?: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext();
  await offlineTiles(ctx);
  const page = await ctx.newPage();
  await page.goto(`${t.url}${path}`);
  if (prepare) await prepare(page);
  await noViolations(page, name);
  await ctx.close();
}

async function fillForm(page: Page, content: string, email: string) {
  await page.getByRole('radio', { name: 'Hạ tầng, giao thông' }).check();
  await page.getByLabel('Nội dung phản ánh').fill(content);
  await page.getByLabel('Địa chỉ, địa điểm').fill('Ngõ 42 phố Chu Văn An');
  await page.getByLabel('Thư điện tử').fill(email);
}

/** Map tiles never reach the network in tests: every tile request gets the same plain tile. */
let tile: Buffer;
const tileRequests: string[] = [];
async function offlineTiles(page: Pick<Page, 'route'>) {
  tile ??= await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#eef1f3"/>'
    + '<path d="M0 .5H256M.5 0V256" stroke="#c3cad1"/><path d="M0 128H256" stroke="#fff" stroke-width="10"/></svg>')).png().toBuffer();
  await page.route('https://tile.openstreetmap.org/**', (route) => {
    tileRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
  });
}

const codeOnPage = async (page: Page) => (await page.locator('.feedback-code').textContent())!.trim();

async function waitForMail(to: string): Promise<ParsedMail> {
  for (let i = 0; i < 100; i++) {
    await t.drainOutbox();
    const m = inbox.find((x) => (x.to as { text: string } | undefined)?.text.includes(to));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

test('citizen submits without and with JS, staff answer, citizen sees the answer and gets the e-mail', { timeout: 400_000 }, async () => {
  // 1. Without JavaScript, with a photo.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${t.url}${FORM}`);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  expect(await page.locator('.error-summary').textContent()).toContain('Vui lòng chọn lĩnh vực.');
  await fillForm(page, 'Đèn chiếu sáng ngõ 42 bị hỏng gần một tuần, buổi tối rất tối.', 'hoa.nguyen@example.vn');
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#888' } }).png().toBuffer();
  await page.setInputFiles('#f-photos', { name: 'den.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.waitForURL(/\/chu-van-an\/phan-anh\/PA-\d{4}-[A-Z0-9]{6,10}\?moi=1$/);
  const code = await codeOnPage(page);
  expect(await page.locator('.alert').textContent()).toContain('đã được tiếp nhận');
  const photos = await sql<{ n: number }>`select count(*)::int as n from feedback_photos p join feedback f on f.id = p.feedback_id where f.code = ${code}`.execute(t.db);
  expect(photos.rows[0].n).toBe(1);

  // 2. With JavaScript: fetch submit (Accept: application/json, no form navigation), then the status page.
  const js = await browser.newContext();
  const jsPage = await js.newPage();
  jsPage.setDefaultTimeout(20_000);
  await jsPage.goto(`${t.url}${FORM}`);
  await fillForm(jsPage, 'Nắp hố ga trước số 12 bị vỡ, rất nguy hiểm vào ban đêm.', 'nam.tran@example.vn');
  const navigationPosts: string[] = [];
  jsPage.on('request', (r) => { if (r.method() === 'POST' && r.isNavigationRequest()) navigationPosts.push(r.url()); });
  // The POST goes through the route so that its JSON answer can be read before the page moves on.
  let answered: { status: number; type: string; body: { code: string; url: string } } | undefined;
  await jsPage.route(`${t.url}${FORM}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const res = await route.fetch();
    answered = { status: res.status(), type: res.headers()['content-type'] ?? '', body: await res.json() };
    await route.fulfill({ response: res });
  });
  const fetchPost = jsPage.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === FORM);
  await jsPage.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const sent = await fetchPost;
  expect(sent.headers().accept).toBe('application/json');
  expect(['fetch', 'xhr']).toContain(sent.resourceType());
  await jsPage.waitForURL(/\/chu-van-an\/phan-anh\/PA-\d{4}-[A-Z0-9]{6,10}\?moi=1$/);
  const jsCode = await codeOnPage(jsPage);
  expect(jsCode).not.toBe(code);
  expect(answered).toMatchObject({ status: 201, type: expect.stringMatching(/^application\/json/), body: { code: jsCode, url: `${t.url}${FORM}/${jsCode}` } });
  expect(navigationPosts).toEqual([]);
  await js.close();

  // 3. Staff classify and answer in the staff pages.
  const staff = await browser.newContext({ javaScriptEnabled: false });
  const sp = await staff.newPage();
  sp.setDefaultTimeout(20_000);
  await logInPage(sp, t.url, 'lanhdao');
  await sp.goto(`${t.url}/quan-tri/chu-van-an/phan-anh`);
  await sp.getByRole('link', { name: code }).click();
  expect(await sp.locator('.summary-list').textContent()).toContain('hoa.nguyen@example.vn');
  await sp.locator('form[aria-label="Phân loại"]').getByRole('button', { name: 'Phân loại' }).click();
  expect(await sp.locator('.alert--success').first().textContent()).toContain('Đã cập nhật phản ánh.');
  // Assign without JavaScript: the official is chosen from the unit's staff, not typed as an ID.
  const assign = sp.locator('form[aria-label="Giao xử lý"]');
  await assign.getByLabel('Bộ phận xử lý').selectOption({ label: 'Phòng Văn hóa - Xã hội' });
  await assign.getByLabel('Cán bộ được giao').selectOption({ label: 'Lê Thị Hồng Nhung — Chuyên viên Phòng Văn hóa - Xã hội · Phòng Văn hóa - Xã hội' });
  await assign.getByRole('button', { name: 'Giao xử lý' }).click();
  expect(await sp.locator('.summary-list').textContent()).toContain('Lê Thị Hồng Nhung');
  const answer = 'Phường đã thay bóng đèn ngõ 42 ngày hôm nay. Cảm ơn bà đã phản ánh.';
  await sp.locator('form[aria-label="Trả lời"] textarea').fill(answer);
  await sp.locator('form[aria-label="Trả lời"]').getByRole('button', { name: 'Trả lời' }).click();
  expect(await sp.locator('.tag').first().textContent()).toContain('Đã trả lời');
  await staff.close();

  // 4. The citizen sees the answer, rates it; the e-mail arrived through SMTP.
  await page.goto(`${t.url}${FORM}/${code}`);
  expect(await page.locator('.feedback-reply').textContent()).toContain(answer);
  await checkAccessibility(`${FORM}/${code}`, 'status-answered');
  await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  expect(await page.locator('.alert').textContent()).toContain('Cảm ơn bạn đã đánh giá.');
  const mail = await waitForMail('hoa.nguyen@example.vn');
  expect(mail.subject).toBe(`Trả lời phản ánh ${code}`);
  expect(mail.text).toContain(answer);
  expect(mail.text).toContain(`/chu-van-an/phan-anh/${code}`);

  // 5. Public board and the look-up form.
  await page.goto(`${t.url}${FORM}/cong-khai`);
  expect(Number(await page.locator('[data-figure="total"]').textContent())).toBeGreaterThan(0);
  await page.goto(`${t.url}${FORM}`);
  await page.getByLabel('Mã tra cứu').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.waitForURL(new RegExp(`${FORM}/${code}$`));
  await plain.close();

  // 6. Accessibility of every public page (axe, WCAG 2.2 AA).
  await checkAccessibility(FORM, 'form');
  await checkAccessibility(FORM, 'form-errors', async (p) => {
    await p.evaluate(() => { (document.querySelector('form.feedback-form') as HTMLFormElement).submit(); });
    await p.waitForSelector('.error-summary');
  });
  await checkAccessibility(`${FORM}/${jsCode}`, 'status');
  await checkAccessibility(`${FORM}/cong-khai`, 'board');
});

test('the form map fills latitude/longitude on a click; the board maps approved locations; axe passes', { timeout: 200_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await offlineTiles(page);
  await page.goto(`${t.url}${FORM}`);
  const map = page.locator('#f-map');
  await map.scrollIntoViewIfNeeded();
  await page.waitForSelector('#f-map.leaflet-container');
  await page.waitForSelector('#f-map .leaflet-tile-loaded');
  expect(tileRequests.length).toBeGreaterThan(0);
  expect(await page.locator('#f-map .leaflet-control-zoom-in').getAttribute('title')).toBe('Phóng to');
  expect(await page.locator('#f-map .leaflet-control-attribution').textContent()).toContain('© OpenStreetMap contributors');
  expect(await page.locator('#f-lat').inputValue()).toBe('');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.waitForSelector('#f-map .feedback-map__pin');
  const lat = Number(await page.locator('#f-lat').inputValue());
  const lng = Number(await page.locator('#f-lng').inputValue());
  expect(lat).toBeGreaterThan(20.7);
  expect(lat).toBeLessThan(21);
  expect(lng).toBeGreaterThan(106.5);
  expect(lng).toBeLessThan(106.9);
  expect(await page.locator('[data-map-status]').textContent()).toContain(`vĩ độ ${lat.toFixed(6)}`);
  // A point set by "use my location" (hidden fields, no raw coordinates for citizens) moves the pin there.
  const before = await page.locator('#f-map .feedback-map__pin').boundingBox();
  const setLat = (v: string) => page.locator('#f-lat').evaluate((el, value) => { (el as HTMLInputElement).value = value; el.dispatchEvent(new Event('change')); }, v);
  await setLat(String((lat + 0.002).toFixed(6)));
  await expect.poll(async () => (await page.locator('#f-map .feedback-map__pin').boundingBox())?.y).not.toBe(before?.y);
  await setLat(lat.toFixed(6));
  await noViolations(page, 'form-with-map');
  await page.locator('fieldset.feedback-form__group').first().screenshot({ path: 'test-results/feedback-form-map.png' });

  // The picked point is sent with the form.
  await fillForm(page, 'Cột điện nghiêng ở đầu ngõ, có nguy cơ đổ khi có gió to.', 'map.user@example.vn');
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.waitForURL(/\/chu-van-an\/phan-anh\/PA-\d{4}-[A-Z0-9]{6,10}\?moi=1$/);
  const code = await codeOnPage(page);
  const row = await sql<{ lat: number; lng: number }>`select lat, lng from feedback where code = ${code}`.execute(t.db);
  expect(row.rows[0]).toEqual({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) });

  // The board: one pin per approved location; a pin opens the item's link.
  const points = await sql<{ n: number }>`select count(*)::int as n from feedback f join units u on u.id = f.unit_id
    where u.slug = 'chu-van-an' and f.published and f.public_lat is not null`.execute(t.db);
  await page.goto(`${t.url}${FORM}/cong-khai`);
  const boardMap = page.locator('.feedback-map--board');
  expect(await page.evaluate(() => 'L' in window)).toBe(false); // on demand only
  await page.getByRole('button', { name: /Hiện bản đồ/ }).click();
  await boardMap.scrollIntoViewIfNeeded();
  await page.waitForSelector('.feedback-map--board.leaflet-container');
  await expect.poll(() => page.locator('.feedback-map--board .feedback-map__pin').count()).toBe(points.rows[0].n);
  await page.waitForSelector('.feedback-map--board .leaflet-tile-loaded');
  await noViolations(page, 'board-with-map');
  await boardMap.screenshot({ path: 'test-results/feedback-board-map.png' });
  await page.locator('.feedback-map--board .feedback-map__pin').first().click();
  const link = page.locator('.feedback-map--board .leaflet-popup-content a');
  expect(await link.getAttribute('href')).toMatch(/^\/chu-van-an\/phan-anh\/PA-\d{4}-[A-Z0-9]{6,10}$/);
  await ctx.close();

  // Without JavaScript the map stays hidden and nothing loads Leaflet.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const pp = await plain.newPage();
  const loaded: string[] = [];
  pp.on('request', (r) => { if (r.url().includes('leaflet')) loaded.push(r.url()); });
  await pp.goto(`${t.url}${FORM}`);
  expect(await pp.locator('.feedback-map-block').isVisible()).toBe(false);
  expect(loaded).toEqual([]);
  await plain.close();
});

test('staff list counts, settings page and moderation form pass axe', { timeout: 120_000 }, async () => {
  const { username, password } = await t.createStaff('admin');
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await logInPage(page, t.url, username, { password });
  await page.goto(`${t.url}/quan-tri/chu-van-an/phan-anh`);
  expect(Number(await page.locator('[data-count="overdue"] strong').textContent())).toBeGreaterThan(0);
  await noViolations(page, 'staff-list');
  await page.locator('.feedback').screenshot({ path: 'test-results/feedback-staff-counts.png' });
  await page.locator('[data-count="overdue"]').click();
  await page.waitForURL(/qua-han=1$/);
  await page.getByRole('link', { name: 'Cấu hình thời hạn, chuyển cấp' }).first().click();
  await page.waitForURL(/\/phan-anh\/cau-hinh$/);
  await noViolations(page, 'settings');
  await page.getByLabel('Thời hạn (ngày làm việc)').first().fill('0');
  await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
  expect(await page.locator('.error-summary').textContent()).toContain('Thời hạn phải là số nguyên từ 1 đến 90 ngày làm việc.');
  await noViolations(page, 'settings-errors');
  await page.screenshot({ path: 'test-results/feedback-settings.png', fullPage: true });
  const code = (await sql<{ code: string }>`select code from feedback where published and public_lat is not null limit 1`.execute(t.db)).rows[0].code;
  await page.goto(`${t.url}/quan-tri/chu-van-an/phan-anh/${code}`);
  expect(await page.getByLabel('Hiện vị trí gần đúng (khoảng 100 m) trên bản đồ công khai').isChecked()).toBe(true);
  await noViolations(page, 'staff-detail');
  await ctx.close();
});
