import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { MARK, SCRIPT_PAYLOADS, STORED_SCRIPT } from './hostile-values.js';

// Stored scripts, the known gap of the fuzzer's crawl (docs/security.md): it opens one page per URL shape,
// so a payload planted by a citizen may never reach the staff page that lists it. Here every payload is
// planted through the citizen's own entry (feedback API), answered by staff with a payload too, and each
// page that shows the item is opened: the staff list, the staff detail, the citizen's tracking page.
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

const WARD = 'chu-van-an';

async function plant(payload: string): Promise<string> {
  const r = await fetch(`${t.url}/api/v1/units/${WARD}/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'environment', content: `${payload} Rác thải tồn đọng ở đầu ngõ 12.`,
      name: payload, address: payload }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { code: string }).code;
}

function unescaped(url: string, html: string): string[] {
  const at = html.search(STORED_SCRIPT);
  return at < 0 ? [] : [`${url}: …${html.slice(Math.max(0, at - 80), at + 60)}…`];
}

it('a script planted in feedback shows escaped, never live, on every page that shows the item', { timeout: 120_000 }, async () => {
  const codes = [];
  for (const p of SCRIPT_PAYLOADS) codes.push(await plant(p));
  const staff = await t.login('lanhdao');
  for (const [i, code] of codes.entries()) {
    for (const body of [{ action: 'classify', note: SCRIPT_PAYLOADS[i] }, { action: 'answer', reply: `Đã xử lý. ${SCRIPT_PAYLOADS[i]}` }]) {
      const r = await fetch(`${t.url}/api/v1/units/${WARD}/feedback/${code}/actions`, {
        method: 'POST', headers: { ...staff.headers, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      expect(r.status, JSON.stringify(body)).toBe(200);
    }
  }
  const pages: [string, boolean][] = [[`/quan-tri/${WARD}/phan-anh`, true]];
  for (const code of codes) pages.push([`/quan-tri/${WARD}/phan-anh/${code}`, true], [`/${WARD}/phan-anh/${code}`, false]);
  const found: string[] = [];
  let shownEscaped = 0;
  for (const [url, asStaff] of pages) {
    const r = await fetch(`${t.url}${url}`, { headers: asStaff ? staff.headers : {} });
    expect(r.status, url).toBe(200);
    const html = await r.text();
    found.push(...unescaped(url, html));
    if (html.includes(`${MARK}(`)) shownEscaped++;
  }
  expect(found).toEqual([]);
  // The pages did show the planted texts (escaped): the check above could have found them live.
  expect(shownEscaped).toBe(pages.length);
});
