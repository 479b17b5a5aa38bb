import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
const FORM = '/chu-van-an/phan-anh';
const BOARD = '/chu-van-an/phan-anh/cong-khai';
const TILES = 'https://tiles.example.vn/{z}/{x}/{y}.png';
const require = createRequire(import.meta.url);
const leafletDir = path.dirname(require.resolve('leaflet/package.json'));

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off', MAP_TILE_URL: TILES, MAP_TILE_ATTRIBUTION: '© Bản đồ <b>thử</b> & cộng tác viên' } });
});
afterAll(async () => { await t?.close(); });

const page = async (p: string) => (await fetch(`${t.url}${p}`)).text();
const attr = (html: string, name: string) => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(html);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;

describe('feedback map', () => {
  it('puts a hidden map on the form with the configured tiles; the form still has plain lat/lng fields', async () => {
    const html = await page(FORM);
    expect(html).toMatch(/<div class="feedback-map-block" hidden/);
    expect(attr(html, 'data-feedback-map')).toBe('form');
    expect(attr(html, 'data-tiles')).toBe(TILES);
    // Attribution is configuration shown as text: escaped in the page (and again by the script).
    expect(html).not.toContain('<b>thử</b>');
    expect(attr(html, 'data-attribution')).toBe('© Bản đồ <b>thử</b> & cộng tác viên');
    expect(html).toContain('id="f-lat"');
    expect(html).toContain('id="f-lng"');
    expect(html).toMatch(/id="f-map" role="region" aria-label="Bản đồ chọn vị trí"/);
    const en = await page(`${FORM}?lang=en`);
    expect(attr(en, 'data-zoom-in')).toBe('Zoom in');
  });

  it('serves Leaflet 1.9.4 from the installed package under a hashed static name', async () => {
    const html = await page(FORM);
    const js = attr(html, 'data-leaflet-js')!;
    const css = attr(html, 'data-leaflet-css')!;
    expect(js).toMatch(/^\/static\/js\/feedback-leaflet\.[0-9a-f]{10}\.js$/);
    expect(css).toMatch(/^\/static\/css\/feedback-leaflet\.[0-9a-f]{10}\.css$/);
    const res = await fetch(`${t.url}${js}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(readFileSync(path.join(leafletDir, 'dist/leaflet.js')))).toBe(true);
    expect(body.toString('utf8', 0, 200)).toContain('Leaflet 1.9.4');
    expect(JSON.parse(readFileSync(path.join(leafletDir, 'package.json'), 'utf8')).version).toBe('1.9.4');
    expect((await fetch(`${t.url}${css}`)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('keeps the page\'s own scripts under 10 KB compressed: Leaflet is loaded lazily, only by the map pages', async () => {
    const html = await page(FORM);
    const scripts = scriptsOf(html);
    expect(scripts.some((s) => s.includes('feedback-map.'))).toBe(true);
    expect(scripts.some((s) => s.includes('leaflet'))).toBe(false);
    expect(html).not.toMatch(/<link[^>]+feedback-leaflet/);
    let total = 0;
    for (const s of scripts) total += brotli(Buffer.from(await (await fetch(`${t.url}${s}`)).arrayBuffer()));
    expect(total).toBeLessThanOrEqual(10 * 1024);
    // Pages without a map do not even name Leaflet.
    const status = await page(`${FORM}/tra-cuu?ma=PA-2026-ZZZZZZ`);
    expect(status).not.toContain('leaflet');
  });

  it('maps only the published demo items whose location was approved', async () => {
    const html = await page(BOARD);
    const points = JSON.parse(attr(html, 'data-points')!) as Array<{ lat: number; lng: number; code: string; url: string; label: string }>;
    const approved = await sql<{ code: string; public_lat: number }>`select f.code, f.public_lat from feedback f join units u on u.id = f.unit_id
      where u.slug = 'chu-van-an' and published and public_lat is not null`.execute(t.db);
    expect(approved.rows.length).toBeGreaterThan(0);
    expect(points.map((p) => p.code).sort()).toEqual(approved.rows.map((r) => r.code).sort());
    expect(points[0].url).toBe(`/chu-van-an/phan-anh/${points[0].code}`);
    expect(points.every((p) => Math.round(p.lat * 1000) === p.lat * 1000)).toBe(true);
    expect(scriptsOf(html).some((s) => s.includes('feedback-map.'))).toBe(true);
  });

  it('never publishes the sender\'s address or exact point unless the moderator approves a place and a rounded point', async () => {
    const address = 'Số 5 ngõ 9, nhà bà Nguyễn Thị Hoa';
    const created = await (await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'environment', content: 'Nước thải tràn ra ngõ 9 từ sáng nay, bốc mùi.', address, lat: 20.856137, lng: 106.682291 }),
    })).json();
    const s = await t.login('lanhdao');
    const moderate = (fields: Record<string, string>) => fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/${created.code}/cong-khai`, {
      method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
    });
    const open311 = async () => (await (await fetch(`${t.url}/open311/v2/chu-van-an/requests/${created.code}.json`)).json())[0];
    const summary = 'Nước thải tràn ra ngõ gây mất vệ sinh.';
    const boardReply = 'Phường đã yêu cầu khắc phục tình trạng nước thải.';

    // 1. Published with a summary only: no place, no point anywhere public.
    expect((await moderate({ summary, boardReply, publish: '1' })).status).toBe(200);
    let board = await page(BOARD);
    expect(board).toContain(summary);
    for (const leak of ['ngõ 9', 'Nguyễn Thị Hoa', '20.856', '106.682']) expect(board).not.toContain(leak);
    expect(await open311()).toMatchObject({ description: summary, address: null, lat: null, long: null });

    // 2. The moderator approves a place name and the point: rounded to 3 decimals.
    expect((await moderate({ summary, boardReply, publicPlace: 'Khu vực ngõ 9', showOnMap: '1', publish: '1' })).status).toBe(200);
    board = await page(BOARD);
    expect(board).toContain('Khu vực ngõ 9');
    expect(board).not.toContain(address);
    const point = (JSON.parse(attr(board, 'data-points')!) as Array<{ code: string; lat: number; lng: number }>).find((p) => p.code === created.code);
    expect(point).toMatchObject({ lat: 20.856, lng: 106.682 });
    expect(board).not.toContain('20.856137');
    expect(await open311()).toMatchObject({ address: 'Khu vực ngõ 9', lat: 20.856, long: 106.682 });

    // 3. Withdrawn: off the board and the map.
    expect((await moderate({ summary, publish: '0' })).status).toBe(200);
    board = await page(BOARD);
    expect(board).not.toContain(summary);
    expect(board).not.toContain(created.code);
  });
});
