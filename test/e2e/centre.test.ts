import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../helpers/app.js';
import { NO_RATE_LIMIT, axeViolations, closeBrowserApp, logInPage, startBrowserApp } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
const U = 'chu-van-an';
beforeAll(async () => { [t, browser] = await startBrowserApp(NO_RATE_LIMIT); });
afterAll(() => closeBrowserApp(t, browser));

test('kiosk, counter and display open at once: a call shows on the display within 1 s; rating by QR is recorded', { timeout: 120_000 }, async () => {
  const display = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const stream = display.waitForResponse((r) => r.url().includes('/queue/stream'));
  await display.goto(`${t.url}/${U}/quay/man-hinh`);
  await stream;
  await display.waitForTimeout(300);

  const kiosk = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await kiosk.goto(`${t.url}/${U}/quay/lay-so`);
  await kiosk.getByRole('button', { name: /Hộ tịch/ }).click();
  await kiosk.waitForURL(/\/quay\/in-ve\//);
  const number = (await kiosk.locator('.ticket-slip__number').textContent())!.trim();
  expect(number).toMatch(/^A\d{3}$/);
  const token = kiosk.url().split('/').pop()!;
  expect(await axeViolations(kiosk)).toEqual([]);
  await kiosk.screenshot({ path: 'test-results/centre-ticket.png', fullPage: true });

  const counter = await (await browser.newContext()).newPage();
  await logInPage(counter, t.url, 'motcua');
  await counter.goto(`${t.url}/quan-tri/${U}/quay/1`);
  // The display notes when the number appears (a MutationObserver, not polling, so the time is exact).
  const shownAt = display.evaluate((n) => new Promise<number>((resolve) => {
    const cell = document.querySelector('[data-counter="1"] .qdisplay__num')!;
    new MutationObserver(() => { if (cell.textContent === n) resolve(Date.now()); }).observe(cell, { childList: true, characterData: true, subtree: true });
  }), number);
  const started = Date.now();
  await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  const latency = (await shownAt) - started;
  expect(latency).toBeLessThan(1000);
  expect(await display.locator('[data-flash]').textContent()).toContain(number);
  await display.screenshot({ path: 'test-results/centre-display.png' });
  await counter.waitForURL(/\/quay\/1$/);
  expect(await counter.locator('[data-current]').textContent()).toBe(number);
  await counter.getByRole('button', { name: 'Hoàn thành' }).click();
  await counter.waitForURL(/\/quay\/1$/);

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await phone.goto(`${t.url}/${U}/quay/ve/${token}`);
  expect(await axeViolations(phone)).toEqual([]);
  await phone.getByRole('link', { name: 'Đánh giá sự phục vụ' }).click();
  expect(await axeViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await phone.getByLabel('Giải quyết nhanh').check();
  await phone.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn rất nhiệt tình');
  expect(await axeViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect.poll(() => phone.locator('.alert--success').textContent()).toContain('Cảm ơn');
  expect(await phone.getByRole('link', { name: 'Tham gia khảo sát sự hài lòng với Trung tâm' }).getAttribute('href')).toBe(`/${U}/khao-sat/hai-long-trung-tam?kenh=qr`);
  await phone.screenshot({ path: 'test-results/centre-rating-thanks.png', fullPage: true });
  const { rows } = await sql<{ score: string; reasons: string[]; number: string; counter: number }>`
    select r.score, r.reasons, t.number, c.number as counter from centre_ratings r
    join centre_tickets t on t.id = r.ticket_id join centre_counters c on c.id = r.counter_id
    where r.comment = 'Cán bộ hướng dẫn rất nhiệt tình'`.execute(t.db);
  expect(rows).toEqual([{ score: 'satisfied', reasons: ['fast'], number, counter: 1 }]);
});

test('public centre pages pass axe', { timeout: 90_000 }, async () => {
  const page = await (await browser.newContext()).newPage();
  for (const path of [`/${U}/quay/lay-so`, `/${U}/quay/man-hinh`, `/${U}/quay/dat-lich?linh_vuc=ho-tich`, `/${U}/quay/danh-gia/2`]) {
    await page.goto(`${t.url}${path}`);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  expect(await page.locator('.alert--warning').textContent()).toContain('chưa được bật để đánh giá tại Quầy 2');
});

test('an officer pairs the rating device of a counter from the staff page', { timeout: 90_000 }, async () => {
  const device = await (await browser.newContext({ viewport: { width: 800, height: 1100 } })).newPage();
  await logInPage(device, t.url, 'motcua');
  await device.goto(`${t.url}/quan-tri/${U}/quay/2`);
  await device.getByRole('link', { name: 'Thiết bị đánh giá' }).click();
  await device.waitForURL(/\/quay\/2\/thiet-bi$/);
  await device.getByRole('button', { name: 'Tạo mã ghép cho thiết bị khác' }).click();
  await device.locator('[data-pair-link]').waitFor();
  expect(await axeViolations(device)).toEqual([]);
  await device.screenshot({ path: 'test-results/centre-device-pairing.png', fullPage: true });
  await device.getByRole('button', { name: 'Bật đánh giá trên thiết bị này' }).click();
  await device.waitForURL(new RegExp(`/${U}/quay/danh-gia/2$`));
  expect(await device.locator('.rate-device').textContent()).not.toContain('chưa được bật');
  expect(await axeViolations(device)).toEqual([]);
});

test('the kiosk keeps the request through a network loss and sends it once when back online', { timeout: 60_000 }, async () => {
  const ctx = await browser.newContext();
  const kiosk = await ctx.newPage();
  await kiosk.goto(`${t.url}/${U}/quay/lay-so`);
  const countTickets = async () => Number((await sql<{ n: string }>`select count(*) as n from centre_tickets`.execute(t.db)).rows[0]!.n);
  const before = await countTickets();
  await ctx.setOffline(true);
  await kiosk.getByRole('button', { name: /Chứng thực/ }).click();
  await expect.poll(() => kiosk.locator('.kiosk__offline').isVisible()).toBe(true);
  // Retrying while still offline keeps the request and the notice.
  await kiosk.getByRole('button', { name: 'Thử lại' }).click();
  await expect.poll(() => kiosk.locator('.kiosk__offline').isVisible()).toBe(true);
  // Back online: the page sends the kept request by itself (the `online` event), exactly once.
  await ctx.setOffline(false);
  await kiosk.waitForURL(/\/quay\/in-ve\//);
  expect(await kiosk.locator('.ticket-slip__number').textContent()).toMatch(/^B\d{3}$/);
  expect(await countTickets()).toBe(before + 1);
});

const apiPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/api/v1/units/${U}/queue${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('the display reconnects by itself after a network loss and shows the call made meanwhile', { timeout: 90_000 }, async () => {
  const officer = await t.login('motcua');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const display = await ctx.newPage();
  const stream = display.waitForResponse((r) => r.url().includes('/queue/stream'));
  await display.goto(`${t.url}/${U}/quay/man-hinh?giong=0&chuong=0`);
  await stream;
  await ctx.setOffline(true);
  await expect.poll(() => display.locator('[data-offline]').isVisible(), { timeout: 15_000 }).toBe(true);
  const tk = await (await apiPost('/tickets', { service: 'dat-dai-xay-dung' })).json() as { number: string };
  const call = await apiPost('/counters/4/call', {}, officer.headers);
  expect(call.status).toBe(200);
  await display.waitForTimeout(500);
  expect(await display.locator('[data-counter="4"] .qdisplay__num').textContent()).not.toBe(tk.number);
  await ctx.setOffline(false);
  await expect.poll(() => display.locator('[data-counter="4"] .qdisplay__num').textContent(), { timeout: 15_000 }).toBe(tk.number);
  expect(await display.locator('[data-calls] li').first().textContent()).toContain(tk.number);
  expect(await display.locator('[data-flash]').textContent()).toContain(tk.number);
  await expect.poll(() => display.locator('[data-offline]').isVisible()).toBe(false);
  await ctx.close();
});

/** Fakes speech synthesis (with or without a Vietnamese voice) and counts chime oscillators. */
const fakeAudio = (withVietnamese: boolean) => `(() => {
  window.__spoken = []; window.__beeps = 0;
  const voices = ${withVietnamese} ? [{ lang: 'vi-VN', name: 'Giọng thử', voiceURI: 'thu', default: true, localService: true }] : [];
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices;
  synth.speak = (u) => { window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 10); };
  const C = window.AudioContext || window.webkitAudioContext;
  const create = C.prototype.createOscillator;
  C.prototype.createOscillator = function () { window.__beeps++; return create.call(this); };
})();`;

test('announcements: speech with a Vietnamese voice, otherwise the chime and a flash', { timeout: 90_000 }, async () => {
  const officer = await t.login('motcua');
  const run = async (withVietnamese: boolean, service: string, counter: number) => {
    const ctx = await browser.newContext();
    await ctx.addInitScript({ content: fakeAudio(withVietnamese) });
    const display = await ctx.newPage();
    const stream = display.waitForResponse((r) => r.url().includes('/queue/stream'));
    await display.goto(`${t.url}/${U}/quay/man-hinh?giong=1&chuong=0`);
    await stream;
    await display.waitForTimeout(300);
    await apiPost('/tickets', { service });
    const tk = await (await apiPost(`/counters/${counter}/call`, {}, officer.headers)).json() as { number: string };
    await expect.poll(() => display.locator(`[data-counter="${counter}"] .qdisplay__num`).textContent()).toBe(tk.number);
    await display.waitForTimeout(1200);
    const r = {
      number: tk.number,
      spoken: await display.evaluate(() => (window as any).__spoken as string[]),
      beeps: await display.evaluate(() => (window as any).__beeps as number),
      flashing: await display.locator('[data-flash]').evaluate((el) => el.classList.contains('is-new')),
      noVoiceNotice: await display.locator('[data-no-voice]').isVisible(),
    };
    if (!withVietnamese) await display.screenshot({ path: 'test-results/centre-display-no-voice.png' });
    await ctx.close();
    return r;
  };
  const without = await run(false, 'bao-tro-xa-hoi', 5);
  expect(without).toMatchObject({ spoken: [], flashing: true, noVoiceNotice: true });
  expect(without.beeps).toBeGreaterThan(0); // chime although the chime setting is off: it replaces the voice
  const withVoice = await run(true, 'chung-thuc', 2);
  expect(withVoice).toMatchObject({ beeps: 0, flashing: true, noVoiceNotice: false });
  expect(withVoice.spoken).toEqual([expect.stringMatching(/^Xin mời số B, không không \S+, đến quầy số 2$/)]);
});

test('booking: a closed day is explained, the booking has a cancel link, staff see the day', { timeout: 120_000 }, async () => {
  const { getWorkCalendar } = await import('../../src/modules/calendar/index.js');
  const cal = await getWorkCalendar(t.appDb, await t.unitId(U));
  const day = (pred: (d: string) => boolean) => {
    for (let i = 1; i < 14; i++) { const d = new Date(Date.now() + 7 * 3600_000 + i * 86_400_000).toISOString().slice(0, 10); if (pred(d)) return d; }
    throw new Error('no day');
  };
  const closed = day((d) => !cal.isWorkingDay(d));
  const page = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
  await page.goto(`${t.url}/${U}/quay/dat-lich?linh_vuc=ho-tich&ngay=${closed}`);
  expect(await page.locator('.alert--warning').textContent()).toContain(`không làm việc ngày ${closed.split('-').reverse().join('/')}`);
  expect(await page.locator('select[name="slot"]').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/centre-booking-closed.png', fullPage: true });
  await page.getByRole('link', { name: /ngày làm việc gần nhất/ }).click();
  await page.getByLabel('Khung giờ').selectOption('09:00');
  await page.getByLabel('Họ và tên').fill('Đỗ Thị Mai');
  await page.getByRole('button', { name: 'Đặt lịch' }).click();
  await page.waitForSelector('.booking-code');
  const code = (await page.locator('.booking-code').textContent())!.trim();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/centre-booking-done.png', fullPage: true });
  // the confirmation is the citizen's own bookmarkable page, with the cancel button on it
  expect(new URL(page.url()).pathname).toContain('/quay/dat-lich/hen/');
  await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
  await expect.poll(() => page.locator('.alert--success').textContent()).toContain('Đã hủy lịch hẹn');
  await page.screenshot({ path: 'test-results/centre-booking-cancelled.png', fullPage: true });
  const booked = new URL(page.url());
  expect(booked.pathname).toContain('/quay/dat-lich/huy/');

  const staff = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  await logInPage(staff, t.url, 'motcua');
  const { rows } = await sql<{ day: string }>`select day::text as day from centre_bookings where code = ${code}`.execute(t.db);
  await staff.goto(`${t.url}/quan-tri/${U}/quay/lich-hen?ngay=${rows[0].day}`);
  expect(await staff.locator('table').textContent()).toContain(code);
  expect(await axeViolations(staff)).toEqual([]);
  await staff.screenshot({ path: 'test-results/centre-bookings-staff.png', fullPage: true });
  await apiPost('/tickets', { service: 'ho-tich' });
  await staff.goto(`${t.url}/quan-tri/${U}/quay/1`);
  await staff.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await staff.waitForURL(/\/quay\/1$/);
  expect(await staff.locator('[data-next-hint]').textContent()).toContain('vắng mặt');
  expect(await axeViolations(staff)).toEqual([]);
  await staff.screenshot({ path: 'test-results/centre-counter.png', fullPage: true });
});
