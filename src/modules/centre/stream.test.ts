import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';
import { buildApp } from '../../app.js';
import { createApiToken } from '../../core/auth/tokens.js';

let t: TestApp;
let officer: Session;
const U = 'chu-van-an';

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

interface Sse { id?: string; event?: string; data?: string }

/** A minimal SSE reader over fetch, collecting parsed events. */
async function openStream(headers: Record<string, string> = {}, base = t.url) {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/v1/units/${U}/queue/stream`, { headers, signal: ctrl.signal });
  const events: Sse[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i); buf = buf.slice(i + 2);
          const e: Sse = {};
          for (const line of block.split('\n')) {
            const m = /^(id|event|data): (.*)$/.exec(line);
            if (m) (e as any)[m[1]] = m[2];
          }
          if (e.event) events.push(e);
        }
      }
    } catch { /* aborted */ }
  })();
  const waitFor = async (pred: (e: Sse) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('event not received');
  };
  return { res, events, waitFor, close: () => ctrl.abort() };
}

const post = (p: string, body: unknown, h: Record<string, string> = {}) =>
  fetch(`${t.url}/api/v1/units/${U}/queue${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(body) });

describe('queue stream', () => {
  test('starts with the state, then delivers each call with number, counter and server time', async () => {
    const s = await openStream();
    expect(s.res.headers.get('content-type')).toContain('text/event-stream');
    const state = await s.waitFor((e) => e.event === 'state');
    expect(JSON.parse(state.data!).counters).toHaveLength(5);
    const tk = await (await post('/tickets', { service: 'ho-tich' })).json() as { number: string };
    const called = await (await post('/counters/1/call', {}, officer.headers)).json() as { number: string };
    expect(called.number).toBe(tk.number);
    const call = await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === tk.number);
    const data = JSON.parse(call.data!);
    expect(data).toMatchObject({ number: tk.number, counter: 1 });
    expect(Date.parse(data.serverTime)).toBeGreaterThan(0);
    expect(Number(call.id)).toBeGreaterThan(0);
    s.close();
  });

  test('a display resuming with Last-Event-ID gets the calls it missed', async () => {
    const first = await openStream();
    const state = await first.waitFor((e) => e.event === 'state');
    first.close();
    const missed: string[] = [];
    for (let i = 0; i < 3; i++) {
      await post('/tickets', { service: 'chung-thuc' });
      missed.push(((await (await post('/counters/2/call', {}, officer.headers)).json()) as { number: string }).number);
    }
    const again = await openStream({ 'last-event-id': state.id! });
    await again.waitFor((e) => e.event === 'state');
    const calls = again.events.filter((e) => e.event === 'call').map((e) => JSON.parse(e.data!).number);
    expect(calls).toEqual(missed);
    again.close();
  });

  test('a call with a bearer token emits the same event as a call from a staff session', async () => {
    const token = await createApiToken(t.db, await t.unitId(U), 'centre_officer', 'Nút gọi số quầy 3');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await post('/counters/3/call', {}, { authorization: 'Bearer tt_not-a-real-token' })).status).toBe(401);
    const s = await openStream();
    await s.waitFor((e) => e.event === 'state');
    const a = await (await post('/tickets', { service: 'ho-tich' })).json() as { number: string };
    const b = await (await post('/tickets', { service: 'ho-tich' })).json() as { number: string };
    const byToken = await post('/counters/3/call', {}, bearer);
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toMatchObject({ number: a.number, counter: 3 });
    await post('/counters/3/start', {}, bearer);
    const bySession = await post('/counters/3/call', {}, officer.headers);
    expect(await bySession.json()).toMatchObject({ number: b.number, counter: 3, previous: { number: a.number, status: 'done' } });
    const e1 = JSON.parse((await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === a.number)).data!);
    const e2 = JSON.parse((await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === b.number)).data!);
    expect(Object.keys(e1).sort()).toEqual(Object.keys(e2).sort());
    expect(e1).toMatchObject({ type: 'call', counter: 3, number: a.number });
    expect(e2).toMatchObject({ type: 'call', counter: 3, number: b.number });
    const { rows } = await sql<{ actor_name: string }>`select actor_name from audit_log where action = 'centre.call' order by id desc limit 2`.execute(t.db);
    expect(rows.map((r) => r.actor_name)).toEqual([expect.stringContaining('motcua'), expect.stringContaining('Nút gọi số quầy 3')]);
    s.close();
  });

  test('events whose NOTIFY was lost reach live displays: on the next id jump, or by the poll', async () => {
    const s = await openStream();
    await s.waitFor((e) => e.event === 'state');
    const unitId = await t.unitId(U);
    // Stored and committed, but never notified (as while the LISTEN connection reconnects).
    const lost = async (number: string) => {
      const payload = { type: 'call', number, counter: 4, service: null, waiting: {} };
      const { rows } = await sql<{ id: string }>`insert into centre_events (unit_id, type, payload) values (${unitId}, 'call', ${JSON.stringify(payload)}::jsonb) returning id`.execute(t.db);
      return rows[0].id;
    };
    const lostId = await lost('C901');
    await post('/tickets', { service: 'tong-hop' });
    const { number } = await (await post('/counters/5/call', {}, officer.headers)).json() as { number: string };
    await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === number);
    const order = s.events.filter((e) => e.event === 'call').map((e) => JSON.parse(e.data!).number);
    expect(order.slice(-2)).toEqual(['C901', number]);
    expect(s.events.find((e) => e.event === 'call' && JSON.parse(e.data!).number === 'C901')!.id).toBe(String(lostId));
    // No later event: the hub's poll (every 3 s) finds it.
    await lost('C902');
    await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === 'C902', 8000);
    s.close();
  });

  test('a display on another app instance gets the call (LISTEN/NOTIFY between instances)', async () => {
    const other = await buildApp(t.rt, { logger: false });
    await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const s = await openStream({}, `http://127.0.0.1:${(other.server.address() as { port: number }).port}`);
      await s.waitFor((e) => e.event === 'state');
      await post('/tickets', { service: 'tong-hop' });
      const { number } = await (await post('/counters/5/call', {}, officer.headers)).json() as { number: string };
      await s.waitFor((e) => e.event === 'call' && JSON.parse(e.data!).number === number);
      s.close();
    } finally {
      await other.close();
    }
  });
});
