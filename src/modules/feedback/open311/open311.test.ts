import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { createApiToken } from '../../../core/auth/tokens.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let apiKey: string;
const base = () => `${t.url}/open311/v2/chu-van-an`;
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name) });
const getXml = async (path: string) => {
  const res = await fetch(`${base()}/${path}`);
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  return { status: res.status, doc: xml.parse(await res.text()) };
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postRequest = (fmt: 'json' | 'xml', fields: Record<string, string>) =>
  fetch(`${base()}/requests.${fmt}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(fields) });

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  apiKey = await createApiToken(t.db, await t.unitId(), 'viewer', 'Open311 test client');
});
afterAll(async () => { await t?.close(); });

describe('Open311 GeoReport v2', () => {
  it('discovery.json and discovery.xml describe the endpoint', async () => {
    const d = await (await fetch(`${base()}/discovery.json`)).json();
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.url}/open311/v2/chu-van-an/`, formats: ['application/json', 'text/xml'] });
    const { doc } = await getXml('discovery.xml');
    expect(doc.discovery.endpoints.endpoint[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['application/json', 'text/xml']);
  });

  it('services list every public category, never the conduct one', async () => {
    const s = await (await fetch(`${base()}/services.json`)).json();
    expect(s.map((x: { service_code: string }) => x.service_code)).toEqual(['procedure', 'infrastructure', 'environment', 'security', 'suggestion', 'praise', 'other']);
    expect(s[0]).toEqual({ service_code: 'procedure', service_name: 'Thủ tục hành chính', description: 'Thủ tục hành chính', metadata: false, type: 'realtime', keywords: 'procedure', group: 'administration' });
    const { doc } = await getXml('services.xml');
    expect(doc.services.service).toHaveLength(7);
    expect(doc.services.service[1]).toMatchObject({ service_code: 'infrastructure', metadata: false, type: 'realtime' });
  });

  it('services/{code} gives the definition, 404 in the spec error format otherwise', async () => {
    expect(await (await fetch(`${base()}/services/environment.json`)).json()).toEqual({ service_code: 'environment', attributes: [] });
    const { doc } = await getXml('services/environment.xml');
    expect(doc.service_definition.service_code).toBe('environment');
    const missing = await fetch(`${base()}/services/conduct.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'service_code không tồn tại' }]);
    const missingXml = await getXml('services/khong-co.xml');
    expect(missingXml.status).toBe(404);
    expect(missingXml.doc.errors.error[0].code).toBe(404);
  });

  it('POST requests needs a valid api_key and a location', async () => {
    const fields = { service_code: 'infrastructure', description: 'Nắp hố ga bị vỡ trước số 12 Lê Lợi.', lat: '20.8561', long: '106.6822', email: 'dan@example.vn', first_name: 'Thị Hoa', last_name: 'Nguyễn' };
    const noKey = await postRequest('json', fields);
    expect(noKey.status).toBe(403);
    expect(await noKey.json()).toEqual([{ code: 403, description: 'Thiếu api_key' }]);
    expect((await postRequest('json', { ...fields, api_key: 'tt_sai' })).status).toBe(403);
    const noPlace = await postRequest('json', { ...fields, api_key: apiKey, lat: '', long: '' });
    expect(noPlace.status).toBe(400);
    const created = await postRequest('json', { ...fields, api_key: apiKey });
    expect(created.status).toBe(201);
    const [r] = await created.json();
    expect(r.service_request_id).toMatch(/^PA-\d{4}-/);
    expect(r.service_notice).toBe(`${t.url}/chu-van-an/phan-anh/${r.service_request_id}`);
    const viaXml = await postRequest('xml', { ...fields, description: 'Vỉa hè bị sụt lún trước chợ Ga.', address_string: 'Chợ Ga', api_key: apiKey });
    expect(viaXml.status).toBe(201);
    const doc = xml.parse(await viaXml.text());
    expect(doc.service_requests.request[0].service_request_id).toMatch(/^PA-/);
  });

  it('GET requests filters by id, service, status and dates; XML too', async () => {
    const all = await (await fetch(`${base()}/requests.json`)).json();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r: { service_code: string }) => r.service_code !== 'conduct')).toBe(true);
    const one = all[0];
    expect(Object.keys(one).sort()).toEqual(['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url',
      'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode']);
    expect(one.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    const byId = await (await fetch(`${base()}/requests.json?service_request_id=${one.service_request_id}`)).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([one.service_request_id]);
    const infra = await (await fetch(`${base()}/requests.json?service_code=infrastructure`)).json();
    expect(infra.length).toBeGreaterThan(0);
    expect(infra.every((r: { service_code: string }) => r.service_code === 'infrastructure')).toBe(true);
    const closed = await (await fetch(`${base()}/requests.json?status=closed`)).json();
    expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    const open = await (await fetch(`${base()}/requests.json?status=open`)).json();
    expect(open.length + closed.length).toBe(all.length);
    const future = await (await fetch(`${base()}/requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00Z`)).json();
    expect(future).toEqual([]);
    const bad = await fetch(`${base()}/requests.json?start_date=hom-qua`);
    expect(bad.status).toBe(400);
    expect((await bad.json())[0].code).toBe(400);
    const { doc } = await getXml('requests.xml?status=open');
    expect(doc.service_requests.request.length).toBe(open.length);
  });

  it('requests/{id} returns one request as an array, 404 in spec format', async () => {
    const [first] = await (await fetch(`${base()}/requests.json`)).json();
    const one = await (await fetch(`${base()}/requests/${first.service_request_id}.json`)).json();
    expect(one).toHaveLength(1);
    expect(one[0].service_request_id).toBe(first.service_request_id);
    const { doc } = await getXml(`requests/${first.service_request_id}.xml`);
    expect(doc.service_requests.request[0].service_request_id).toBe(first.service_request_id);
    const missing = await fetch(`${base()}/requests/PA-2026-ZZZZZZ.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'service_request_id không tồn tại' }]);
  });

  it('answers 404 in spec format for an unknown unit', async () => {
    const res = await fetch(`${t.url}/open311/v2/khong-co-phuong/services.json`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body[0].code).toBe(404);
  });
});
