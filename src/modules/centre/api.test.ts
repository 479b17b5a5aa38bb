import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';

let t: TestApp;
let officer: Session;
const api = (p: string) => `${t.url}/api/v1/units/chu-van-an/queue${p}`;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

describe('queue API', () => {
  test('lists the demo services and counters', async () => {
    const services = await (await fetch(api('/services'))).json() as Array<{ code: string; prefix: string }>;
    expect(services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const counters = await (await fetch(api('/counters'))).json() as Array<{ number: number; services: string[] }>;
    expect(counters).toHaveLength(5);
    expect(counters[0].services).toEqual(expect.arrayContaining(['ho-tich', 'tong-hop']));
  });

  test('two kiosks taking tickets at once never share a number', async () => {
    const res = await Promise.all(Array.from({ length: 20 }, () => post(api('/tickets'), { service: 'dat-dai-xay-dung' })));
    expect(res.every((r) => r.status === 201)).toBe(true);
    const numbers = await Promise.all(res.map(async (r) => (await r.json() as { number: string }).number));
    expect(new Set(numbers).size).toBe(20);
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`));
  });

  test('a ticket reports its position and estimated wait', async () => {
    const a = await (await post(api('/tickets'), { service: 'bao-tro-xa-hoi' })).json() as any;
    const b = await (await post(api('/tickets'), { service: 'bao-tro-xa-hoi' })).json() as any;
    expect(a).toMatchObject({ number: 'D001', service: 'bao-tro-xa-hoi', position: 1, estimated_wait_s: 0 });
    expect(b.position).toBe(2);
    expect(b.estimated_wait_s).toBeGreaterThan(0);
  });

  test('unknown service is a 404, bad body a 400', async () => {
    expect((await post(api('/tickets'), { service: 'khong-co' })).status).toBe(404);
    expect((await post(api('/tickets'), {})).status).toBe(400);
  });

  test('calling needs staff, then serves priority first and emits an event in the same transaction', async () => {
    expect((await post(api('/counters/5/call'), {})).status).toBe(401);
    await post(api('/tickets'), { service: 'tong-hop' });
    const p = await (await post(api('/tickets'), { service: 'tong-hop', priority_group: 'elderly' })).json() as any;
    const r = await post(api('/counters/5/call'), {}, officer.headers);
    expect(r.status).toBe(200);
    const call = await r.json() as any;
    expect(call).toMatchObject({ number: p.number, counter: 5 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_events where type = 'call' and payload->>'number' = ${p.number}`.execute(t.db);
    expect(rows[0].n).toBe(1);
  });

  test('counter actions: recall, start, finish with a dossier code, empty queue is a 409', async () => {
    const h = officer.headers;
    await post(api('/tickets'), { service: 'chung-thuc' });
    expect((await post(api('/counters/2/call'), {}, h)).status).toBe(200);
    expect((await post(api('/counters/2/recall'), {}, h)).status).toBe(200);
    expect((await post(api('/counters/2/start'), {}, h)).status).toBe(200);
    const bad = await post(api('/counters/2/finish'), { dossier_code: 'HS 12345' }, h);
    expect(bad.status).toBe(422);
    expect((await bad.json() as any).error.message).toContain('không đúng định dạng');
    const unknown = await post(api('/counters/2/finish'), { dossier_code: '000.00.00.H31-261125-9999' }, h);
    expect(unknown.status).toBe(422);
    expect((await unknown.json() as any).error.message).toContain('Không tìm thấy hồ sơ');
    const { rows: [dossier] } = await sql<{ code: string }>`select d.code from dossiers d join units u on u.id = d.unit_id where u.slug = 'chu-van-an' order by d.received_at desc limit 1`.execute(t.db);
    const fin = await (await post(api('/counters/2/finish'), { dossier_code: ` ${dossier.code.toLowerCase()} ` }, h)).json() as any;
    expect(fin.status).toBe('done');
    const { rows: [linked] } = await sql<{ dossier_code: string }>`select dossier_code from centre_tickets where status = 'done' order by finished_at desc limit 1`.execute(t.db);
    expect(linked.dossier_code).toBe(dossier.code);
    expect((await post(api('/counters/2/call'), {}, h)).status).toBe(409);
    expect((await post(api('/counters/2/transfer'), {}, h)).status).toBe(422);
    expect((await post(api('/counters/2/transfer'), { to: 3 }, h)).status).toBe(409);
    expect((await post(api('/counters/9/call'), {}, h)).status).toBe(404);
  });

  test('the new routes are described in the OpenAPI document', async () => {
    const doc = await (await fetch(`${t.url}/openapi.json`)).json() as { paths: Record<string, any> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/units/{unit}/queue/bookings/cancel', '/api/v1/units/{unit}/ratings', '/api/v1/units/{unit}/queue/counters/{counter}/call',
    ]));
    expect(Object.keys(doc.paths['/api/v1/units/{unit}/ratings'].post.responses)).toEqual(expect.arrayContaining(['403', '410']));
    expect(doc.paths['/api/v1/units/{unit}/queue/counters/{counter}/call'].post.responses['200'].content['application/json'].schema.properties).toHaveProperty('previous');
  });

  test('ESC/POS output of a ticket', async () => {
    const tk = await (await post(api('/tickets'), { service: 'ho-tich' })).json() as any;
    const res = await fetch(`${t.url}${tk.escpos_url}`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(bytes.toString('latin1')).toContain(tk.number);
  });
});
