/** Facebook handshake and X-Hub-Signature-256, Zalo X-ZEvent-Signature, over HTTP. */
import { createHash, createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
const secrets: Record<string, string> = {};
const base = () => `${t.url}/api/v1/units/chu-van-an/feedback/inbound`;
const ENV = ['FEEDBACK_FACEBOOK_VERIFY_TOKEN', 'FEEDBACK_FACEBOOK_APP_SECRET', 'FEEDBACK_ZALO_APP_ID', 'FEEDBACK_ZALO_OA_SECRET'];

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const admin = await t.createStaff('admin');
  const s = await t.login(admin.username, admin.password);
  for (const channel of ['sms', 'zalo', 'facebook']) {
    const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback/channel-secrets`, { method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ channel }) });
    expect(res.status).toBe(201);
    secrets[channel] = (await res.json()).secret;
  }
});
afterEach(() => { for (const k of ENV) delete process.env[k]; });
afterAll(async () => { await t?.close(); });

const handshake = (q: Record<string, string>) => fetch(`${base()}/facebook?${new URLSearchParams(q)}`);
const post = (channel: string, raw: string, headers: Record<string, string> = {}, query = '') =>
  fetch(`${base()}/${channel}${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
const handles = async (handle: string) => (await sql<{ n: number }>`select count(*)::int as n from feedback where sender_handle = ${handle}`.execute(t.db)).rows[0].n;

/** Pretty-printed on purpose: a signature over re-serialised JSON would not match these bytes. */
const fbBody = (sender: string, mid: string) => JSON.stringify({ object: 'page', entry: [{ messaging: [{ sender: { id: sender }, timestamp: 1763600000000, message: { mid, text: 'Cống thoát nước ngõ 12 bị tắc, nước tràn lên đường' } }] }] }, null, 2);
const fbSign = (secret: string, raw: string) => `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;

describe('Facebook subscription handshake', () => {
  it('answers hub.challenge as text/plain to the configured verify token, 403 otherwise', async () => {
    expect((await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'bat-ky', 'hub.challenge': '1158201444' })).status).toBe(403);
    process.env.FEEDBACK_FACEBOOK_VERIFY_TOKEN = 'ma-xac-minh-phuong';
    const ok = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'ma-xac-minh-phuong', 'hub.challenge': '1158201444' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    for (const q of <Array<Record<string, string>>>[
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'sai-ma', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'ma-xac-minh-phuong', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
    ]) {
      const res = await handshake(q);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toEqual({ code: 'forbidden', message: 'Mã xác minh webhook không đúng.' });
    }
  });

  it('also accepts the unit\'s Facebook channel secret as verify token (not another channel\'s)', async () => {
    const ok = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': secrets.facebook, 'hub.challenge': 'abc123' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('abc123');
    expect((await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': secrets.zalo, 'hub.challenge': 'abc123' })).status).toBe(403);
  });
});

describe('Facebook X-Hub-Signature-256', () => {
  it('accepts a valid HMAC of the raw body and refuses a wrong or missing one once the app secret is set', async () => {
    process.env.FEEDBACK_FACEBOOK_APP_SECRET = 'app-secret-cua-trang';
    const raw = fbBody('fb-sig-1', 'mid-sig-1');
    const good = await post('facebook', raw, { 'x-hub-signature-256': fbSign('app-secret-cua-trang', raw) });
    expect(good.status).toBe(202);
    expect(await handles('fb-sig-1')).toBe(1);

    const raw2 = fbBody('fb-sig-2', 'mid-sig-2');
    for (const headers of <Array<Record<string, string>>>[
      { 'x-hub-signature-256': fbSign('khoa-khac', raw2) },
      { 'x-hub-signature-256': fbSign('app-secret-cua-trang', JSON.stringify(JSON.parse(raw2))) },
      { 'x-hub-signature-256': 'sha256=' },
      {},
      { 'x-feedback-secret': secrets.facebook }, // the shared secret alone is no longer enough
    ]) {
      const res = await post('facebook', raw2, headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toEqual({ code: 'invalid_signature', message: 'Chữ ký của yêu cầu không hợp lệ.' });
    }
    expect((await post('facebook', raw2, {}, `?secret=${secrets.facebook}`)).status).toBe(401);
    expect(await handles('fb-sig-2')).toBe(0);
  });

  it('without an app secret keeps the channel secret; malformed JSON is a 400, not a 500', async () => {
    const raw = fbBody('fb-sig-3', 'mid-sig-3');
    expect((await post('facebook', raw, { 'x-feedback-secret': secrets.facebook })).status).toBe(202);
    expect((await post('facebook', raw, {})).status).toBe(401);
    const bad = await post('facebook', '{"object": "page", ', { 'x-feedback-secret': secrets.facebook });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBeTypeOf('string');
  });
});

describe('Zalo X-ZEvent-Signature', () => {
  const zaloBody = (sender: string, msgId: string) => JSON.stringify({
    app_id: '4301234567890', event_name: 'user_send_text', timestamp: '1763600000000',
    sender: { id: sender }, recipient: { id: 'oa-1' }, message: { text: 'Đèn chiếu sáng công viên bị tắt cả tuần nay', msg_id: msgId },
  });
  const mac = (appId: string, raw: string, ts: string, secret: string) => `mac=${createHash('sha256').update(appId + raw + ts + secret, 'utf8').digest('hex')}`;

  it('checks mac = sha256(appId + raw body + timestamp + OA secret) once the OA secret is set', async () => {
    process.env.FEEDBACK_ZALO_OA_SECRET = 'oa-secret-key';
    process.env.FEEDBACK_ZALO_APP_ID = '4301234567890';
    const raw = zaloBody('zl-sig-1', 'zmsg-1');
    const good = await post('zalo', raw, { 'x-zevent-signature': mac('4301234567890', raw, '1763600000000', 'oa-secret-key') });
    expect(good.status).toBe(202);
    expect(await handles('zl-sig-1')).toBe(1);

    const raw2 = zaloBody('zl-sig-2', 'zmsg-2');
    for (const headers of <Array<Record<string, string>>>[
      { 'x-zevent-signature': mac('4301234567890', raw2, '1763600000000', 'khoa-sai') },
      { 'x-zevent-signature': mac('999', raw2, '1763600000000', 'oa-secret-key') },
      { 'x-zevent-signature': mac('4301234567890', raw2, '1', 'oa-secret-key') },
      { 'x-feedback-secret': secrets.zalo },
    ]) {
      const res = await post('zalo', raw2, headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toBe('Chữ ký của yêu cầu không hợp lệ.');
    }
    expect(await handles('zl-sig-2')).toBe(0);
    // Without a configured app id, the payload's app_id is used.
    delete process.env.FEEDBACK_ZALO_APP_ID;
    expect((await post('zalo', raw2, { 'x-zevent-signature': mac('4301234567890', raw2, '1763600000000', 'oa-secret-key') })).status).toBe(202);
  });

  it('leaves the other channels and JSON routes as they were', async () => {
    process.env.FEEDBACK_ZALO_OA_SECRET = 'oa-secret-key';
    process.env.FEEDBACK_FACEBOOK_APP_SECRET = 'app-secret-cua-trang';
    const sms = await post('sms', JSON.stringify({ from: '0912000222', text: 'Xe rác chưa đến thu gom ba ngày' }), { 'x-feedback-secret': secrets.sms });
    expect(sms.status).toBe(202);
    const api = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'environment', content: 'Bãi đất trống đầu ngõ 8 bị đổ trộm phế thải xây dựng.' }) });
    expect(api.status).toBe(201);
  });
});
