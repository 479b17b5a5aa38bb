import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { form, groupIds, UNIT } from './support.js';

let t: TestApp;
let leader: Session;
let g: Record<string, string>;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); leader = await t.login('lanhdao'); g = await groupIds(t); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('an announcement written once, published on every channel', () => {
  test('website, loudspeaker script with generated speech, fanpage text; each publication recorded', async () => {
    const fd = new FormData();
    fd.append('_csrf', leader.csrf);
    fd.append('title', 'Cắt điện để sửa chữa lưới');
    fd.append('body', 'Thứ Năm, từ 8 giờ đến 11 giờ, cắt điện khu vực tổ 1 và tổ 2.');
    fd.append('groups', g.TDP01);
    fd.append('groups', g.TDP02);
    const res = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/thong-bao`, { method: 'POST',
      headers: { cookie: leader.cookie }, body: fd, redirect: 'manual' });
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!;
    const id = path.split('/').pop()!;
    const row = (await sql<{ radio_script: string; social_text: string }>`select radio_script, social_text from community_broadcasts where id = ${id}`.execute(t.db)).rows[0];
    expect(row.radio_script).toBe('Thông báo của Ủy ban nhân dân Phường Chu Văn An. Cắt điện để sửa chữa lưới. Thứ Năm, từ 8 giờ đến 11 giờ, cắt điện khu vực tổ 1 và tổ 2.');
    expect(row.social_text).toContain('Cắt điện để sửa chữa lưới');

    expect((await fetch(`${t.url}${path}/am-thanh`, form(leader, {}))).status).toBe(303);
    const audio = await fetch(`${t.url}${path}/am-thanh`, { headers: { cookie: leader.cookie } });
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
    // not on the website yet: neither the page nor the audio is public
    expect((await fetch(`${t.url}/${UNIT}/thong-bao/${id}`)).status).toBe(404);
    expect((await fetch(`${t.url}/${UNIT}/thong-bao/${id}/am-thanh`)).status).toBe(404);

    expect((await fetch(`${t.url}${path}/phat-hanh`, form(leader, { channel: 'website' }))).status).toBe(303);
    expect((await fetch(`${t.url}${path}/phat-hanh`, form(leader, { channel: 'website' }))).status).toBe(409);
    expect((await fetch(`${t.url}${path}/phat-hanh`, form(leader, { channel: 'radio', group_id: g.TDP01 }))).status).toBe(303);
    expect((await fetch(`${t.url}${path}/phat-hanh`, form(leader, { channel: 'radio', group_id: g.TDP09 }))).status).toBe(409);
    expect((await fetch(`${t.url}${path}/phat-hanh`, form(leader, { channel: 'fanpage',
      note: 'facebook.com/phuongchuvanan' }))).status).toBe(303);
    const pubs = (await sql<{ channel: string; group_id: string | null }>`select channel, group_id from community_broadcast_publications where broadcast_id = ${id} order by published_at`.execute(t.db)).rows;
    expect(pubs).toEqual([{ channel: 'website', group_id: null }, { channel: 'radio', group_id: g.TDP01 }, { channel: 'fanpage',
      group_id: null }]);
    const list = await (await fetch(`${t.url}/${UNIT}/thong-bao`)).text();
    expect(list).toContain('Cắt điện để sửa chữa lưới');
    expect((await fetch(`${t.url}/${UNIT}/thong-bao/${id}/am-thanh`)).status).toBe(200);
    const audits = await sql<{ action: string }>`select action from audit_log where entity_id = ${id} order by id`.execute(t.db);
    expect(audits.rows.map((a) => a.action)).toEqual(['community.broadcast.create', 'community.broadcast.audio',
      'community.broadcast.publish', 'community.broadcast.publish', 'community.broadcast.publish']);
  }, 120_000);

  test('errors are explained: empty announcement, wrong file type', async () => {
    const fd = new FormData();
    fd.append('_csrf', leader.csrf);
    fd.append('audio', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    const res = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/thong-bao`, { method: 'POST',
      headers: { cookie: leader.cookie }, body: fd });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const m of ['Nhập tiêu đề thông báo.', 'Nhập nội dung thông báo.', 'Tệp ghi âm phải là âm thanh']) expect(html).toContain(m);
  });
});
