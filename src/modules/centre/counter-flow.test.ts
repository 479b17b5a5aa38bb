import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';

let t: TestApp;
let officer: Session;
const U = 'chu-van-an';
const api = (p: string) => `${t.url}/api/v1/units/${U}/queue${p}`;
const post = (p: string, body: unknown = {}, h: Record<string, string> = officer.headers) =>
  fetch(api(p), { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(body) });
const take = async (service: string) => (await (await post('/tickets', { service }, {})).json()) as { id: string; number: string };
const ticket = async (number: string) => (await sql<{ status: string; counter: number | null; started_at: Date | null; finished_at: Date | null }>`
  select t.status, c.number as counter, t.started_at, t.finished_at from centre_tickets t left join centre_counters c on c.id = t.counter_id
  where t.number = ${number} and t.day = (now() at time zone 'Asia/Ho_Chi_Minh')::date`.execute(t.db)).rows[0];

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());
// Each test starts with an empty queue of the day (the demo's history is of earlier days).
beforeEach(async () => {
  await sql`update centre_tickets set status = 'cancelled' where status in ('waiting', 'called', 'serving')`.execute(t.db);
  await sql`update centre_counters set active = true`.execute(t.db);
});

describe('counter actions', () => {
  test('"call next" finishes a ticket being served but records a merely-called one as a no-show', async () => {
    const a = await take('chung-thuc');
    const b = await take('chung-thuc');
    const c = await take('chung-thuc');
    const first = await (await post('/counters/2/call')).json() as any;
    expect(first).toMatchObject({ number: a.number, counter: 2, previous: null });
    // Called, never started: the next call must not count it as served.
    const second = await (await post('/counters/2/call')).json() as any;
    expect(second).toMatchObject({ number: b.number, previous: { number: a.number, status: 'no_show' } });
    expect(await ticket(a.number)).toMatchObject({ status: 'no_show', started_at: null });
    expect((await post('/counters/2/start')).status).toBe(200);
    const third = await (await post('/counters/2/call')).json() as any;
    expect(third).toMatchObject({ number: c.number, previous: { number: b.number, status: 'done' } });
    expect((await ticket(b.number)).status).toBe('done');
    expect((await ticket(b.number)).started_at).toBeTruthy();
    const { rows } = await sql<{ after: any }>`select after from audit_log where action = 'centre.call' order by id desc limit 1`.execute(t.db);
    expect(rows[0].after).toMatchObject({ number: c.number, previous: { number: b.number, status: 'done' } });
  });

  test('no-show: allowed for a called ticket, refused once service started', async () => {
    const a = await take('dat-dai-xay-dung');
    expect((await post('/counters/4/call')).status).toBe(200);
    const ns = await post('/counters/4/no-show');
    expect(ns.status).toBe(200);
    expect(await ns.json()).toMatchObject({ counter: 4, number: a.number, status: 'no_show' });
    expect((await ticket(a.number)).status).toBe('no_show');
    expect((await post('/counters/4/no-show')).status).toBe(409);
    const b = await take('dat-dai-xay-dung');
    await post('/counters/4/call');
    await post('/counters/4/start');
    const refused = await post('/counters/4/no-show');
    expect(refused.status).toBe(409);
    expect((await refused.json() as any).error.message).toContain('đang được phục vụ');
    expect((await ticket(b.number)).status).toBe('serving');
  });

  test('transfer: the ticket is called next at the target counter, in arrival order, and only there', async () => {
    const early = await take('ho-tich');   // served by counters 1 and 3
    const later = await take('chung-thuc'); // counters 2 and 3
    expect((await (await post('/counters/1/call')).json() as any).number).toBe(early.number);
    const tr = await post('/counters/1/transfer', { to: 3 });
    expect(tr.status).toBe(200);
    expect(await tr.json()).toMatchObject({ counter: 1, number: early.number, status: 'waiting' });
    const afterTransfer = await take('ho-tich');
    // Counter 1 cannot take it back; counter 3 calls it before the later arrivals.
    const c1 = await (await post('/counters/1/call')).json() as any;
    expect(c1.number).toBe(afterTransfer.number);
    const c3 = await (await post('/counters/3/call')).json() as any;
    expect(c3.number).toBe(early.number);
    expect(await ticket(early.number)).toMatchObject({ status: 'called', counter: 3 });
    await post('/counters/3/start');
    expect((await (await post('/counters/3/call')).json() as any).number).toBe(later.number);
  });

  test('transfer to an inactive counter is refused with a message; nothing changes', async () => {
    const a = await take('ho-tich');
    await post('/counters/1/call');
    await sql`update centre_counters set active = false where number = 3`.execute(t.db);
    const r = await post('/counters/1/transfer', { to: 3 });
    expect(r.status).toBe(409);
    expect((await r.json() as any).error.message).toBe('Quầy 3 đang tạm dừng phục vụ, không nhận chuyển được. Hãy chọn quầy khác.');
    expect(await ticket(a.number)).toMatchObject({ status: 'called', counter: 1 });
    expect((await post('/counters/1/transfer', { to: 1 })).status).toBe(422);
    expect((await post('/counters/1/transfer', { to: 42 })).status).toBe(404);
  });

  test('the counter page explains what "call next" does with the current number', async () => {
    const a = await take('tong-hop');
    await post('/counters/5/call');
    const page = await (await fetch(`${t.url}/quan-tri/${U}/quay/5`, { headers: { cookie: officer.cookie } })).text();
    expect(page).toContain(`số ${a.number} được ghi là vắng mặt`);
    await post('/counters/5/start');
    const serving = await (await fetch(`${t.url}/quan-tri/${U}/quay/5`, { headers: { cookie: officer.cookie } })).text();
    expect(serving).toContain(`ghi số ${a.number} là đã phục vụ xong`);
  });
});
