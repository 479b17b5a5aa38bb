import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createApiToken } from '../../../core/auth/tokens.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { submitFeedback } from '../intake.js';
import { nationalRules } from '../../../lib/vn-calendar/index.js';

let t: TestApp;
const N = 10;
const api = () => `${t.url}/api/v1/units/chu-van-an/feedback`;

beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

const count = async (content: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from feedback where content like ${`${content}%`}`.execute(t.db)).rows[0].n;

describe('double submits fired at the same moment create one item', () => {
  it('the same Idempotency-Key ten times at once: one item, one 201, the same code everywhere', async () => {
    const content = 'Đèn tín hiệu giao thông ngã tư Lê Lợi bị tắt từ sáng.';
    const res = await Promise.all(Array.from({ length: N }, (_, i) => fetch(api(), {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'race-key-1' },
      body: JSON.stringify({ category: 'infrastructure', content: `${content} (lần ${i})` }),
    })));
    const bodies = await Promise.all(res.map((r) => r.json()));
    expect(res.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.code)).size).toBe(1);
    expect(await count(content)).toBe(1);
  });

  it('the same text from the same client ten times at once, without a key: one item', async () => {
    const content = 'Nắp cống trước chợ Ga bị mất, rất nguy hiểm cho xe máy.';
    const res = await Promise.all(Array.from({ length: N }, () => fetch(api(), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'infrastructure', content }),
    })));
    const codes = await Promise.all(res.map(async (r) => (await r.json()).code));
    expect(new Set(codes).size).toBe(1);
    expect(await count(content)).toBe(1);
  });

  it('the transaction path (photos, staff recording) is race-free too', async () => {
    const unitId = await t.unitId();
    const content = 'Thư góp ý trong hòm thư tổ 5 về giờ thu gom rác.';
    const base = { category: 'environment' as const, content, name: null, phone: null, email: null, lat: null, lng: null, address: null, shareLocation: false };
    let inserted = 0;
    const out = await Promise.all(Array.from({ length: N }, () => submitFeedback(t.appDb, async () => nationalRules(), unitId, base, {
      channel: 'suggestion_box', idempotencyKey: 'race-key-2', afterInsert: async () => { inserted++; },
    })));
    expect(new Set(out.map((o) => o.code)).size).toBe(1);
    expect(out.filter((o) => o.created)).toHaveLength(1);
    expect(inserted).toBe(1);
    expect(await count(content)).toBe(1);
  });

  it('Open311 POST: the same request from one client ten times at once gives one service_request_id', async () => {
    const apiKey = await createApiToken(t.db, await t.unitId(), 'viewer', 'Open311 dedupe');
    const description = 'Vỉa hè trước số 40 Trần Phú bị sụt lún, người đi bộ phải xuống lòng đường.';
    const body = new URLSearchParams({ api_key: apiKey, service_code: 'infrastructure', description, lat: '20.8561', long: '106.6822' }).toString();
    const res = await Promise.all(Array.from({ length: N }, () => fetch(`${t.url}/open311/v2/chu-van-an/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
    })));
    const ids = await Promise.all(res.map(async (r) => (await r.json())[0].service_request_id));
    expect(new Set(ids).size).toBe(1);
    expect(res.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await count(description)).toBe(1);
    // A different text from the same client is a new request.
    const other = await fetch(`${t.url}/open311/v2/chu-van-an/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: apiKey, service_code: 'infrastructure', description: `${description} Thêm ảnh chụp.`, lat: '20.8561', long: '106.6822' }).toString(),
    });
    expect(other.status).toBe(201);
    expect((await other.json())[0].service_request_id).not.toBe(ids[0]);
  });
});
