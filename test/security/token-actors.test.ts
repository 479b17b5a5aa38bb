import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApiToken } from '../../src/core/auth/tokens.js';

// Defect 2 (issue 11): a bearer token's principal id ("token:…") was written into uuid columns,
// so every feedback action by an integration failed with 400 invalid_data.
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

const api = (p: string) => `${t.url}/api/v1/units/chu-van-an${p}`;

test('feedback actions with a bearer token succeed and name the token in the audit log', async () => {
  const token = await createApiToken(t.db, await t.unitId(), 'leader', 'Hệ thống tỉnh');
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await (await fetch(api('/feedback'), { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'environment', content: 'Rác thải tồn đọng ở đầu ngõ 12 nhiều ngày.' }) })).json();
  for (const body of [{ action: 'classify' }, { action: 'answer', reply: 'Đã thu gom rác, cảm ơn ông/bà.' }]) {
    const r = await fetch(api(`/feedback/${created.code}/actions`), { method: 'POST', headers: auth, body: JSON.stringify(body) });
    expect(r.status, JSON.stringify(await r.clone().json())).toBe(200);
  }
  const { rows: events } = await sql<{ action: string; actor_id: string | null }>`select e.action, e.actor_id from feedback_events e
    join feedback f on f.id = e.feedback_id where f.code = ${created.code} order by e.at`.execute(t.db);
  expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['classify', 'answer']));
  expect(events.every((e) => e.actor_id === null)).toBe(true);
  const { rows: tokenRow } = await sql<{ id: string }>`select id from api_tokens where label = 'Hệ thống tỉnh'`.execute(t.db);
  const { rows: audits } = await sql<{ actor_id: string | null; actor_name: string }>`select actor_id, actor_name from audit_log
    where action in ('feedback.classify', 'feedback.answer') and entity_id = (select id::text from feedback where code = ${created.code})`.execute(t.db);
  expect(audits).toHaveLength(2);
  for (const a of audits) {
    expect(a.actor_id).toBeNull();
    expect(a.actor_name).toContain('Hệ thống tỉnh');
    expect(a.actor_name).toContain(tokenRow[0].id);
  }
});
