import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DEMO_PASSWORD } from '../../src/core/seed/demo-ward.js';
import { startTestApp, type TestApp } from './app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with no background network (the machine has none). */
export function launchBrowser(opts: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  void opts;
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe with the WCAG 2.x A/AA tags and returns the violations (expect it to be empty). */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** A test app and a browser, started together (for `beforeAll`); `closeBrowserApp` ends both. */
export function startBrowserApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<[TestApp, Browser]> {
  return Promise.all([startTestApp(opts), launchBrowser()]);
}

export async function closeBrowserApp(t: TestApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await t?.close();
}

/** Tests that click fast need the rate limit off. */
export const NO_RATE_LIMIT = { env: { THANTHIEN_RATE_LIMIT: 'off' } };

/**
 * Logs a staff member in through the login page (works without JavaScript) and waits for the
 * workspace (`home`, by default the demo ward's). The password defaults to the demo accounts' one.
 */
export async function logInPage(page: Page, baseUrl: string, username: string, opts: { password?: string; home?: RegExp } = {}): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(opts.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(opts.home ?? /\/quan-tri\/chu-van-an$/);
}
