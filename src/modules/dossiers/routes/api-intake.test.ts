import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { createApiToken } from '../../../core/auth/tokens.js';
import { twoDayProcedureKey } from '../test-support.js';

let t: TestApp;
let token: string;
let viewerToken: string;
let officer: Session;
let procedure: string;
const URL_PATH = '/api/v1/units/chu-van-an/dossiers';

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const unitId = await t.unitId();
  [token, viewerToken, officer] = await Promise.all([
    createApiToken(t.db, unitId, 'centre_officer', 'Hệ thống một cửa tỉnh'), createApiToken(t.db, unitId, 'viewer', null), t.login('motcua'),
  ]);
  procedure = await twoDayProcedureKey(t.appDb, unitId);
});
afterAll(async () => { await t?.close(); });

const body = (o: Record<string, unknown> = {}) => ({ procedure, applicant_name: 'Phạm Thị Thu', applicant_phone: '0912 000 777', ...o });
const post = (payload: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }, path = URL_PATH) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string; details?: Record<string, string> } }).error;

describe('POST /api/v1/units/{unit}/dossiers', () => {
  test('a bearer token receives a dossier (201), the same external code again returns it (200)', async () => {
    const first = await post(body({ external_code: 'HP-2026-000123', papers: ['Tờ khai', ' ', 'Bản sao giấy khai sinh'] }));
    expect(first.status).toBe(201);
    const a = await first.json() as Record<string, any>;
    expect(a).toMatchObject({ external_code: 'HP-2026-000123', status: 'received', created: true, deciding_unit: 'chu-van-an', receiving_unit: 'chu-van-an' });
    expect(a.code).toMatch(/-\d{6}-\d{4}$/);
    expect(a.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.lookup_url).toBe(`${t.url}/chu-van-an/tra-cuu-ho-so?ma=${encodeURIComponent(a.code)}`);
    const again = await post(body({ external_code: 'HP-2026-000123', applicant_name: 'Tên khác' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: a.id, code: a.code, created: false });
    const rows = await t.db.selectFrom('dossiers').select(['source', 'channel', 'papers', 'applicant_name']).where('external_code', '=', 'HP-2026-000123').execute();
    expect(rows).toEqual([{ source: 'api', channel: 'online', papers: ['Tờ khai', 'Bản sao giấy khai sinh'], applicant_name: 'Phạm Thị Thu' }]);
    const audit = await sql<{ n: number; actor: string }>`select count(*)::int as n, min(actor_name) as actor from audit_log where action = 'dossier.receive' and entity_id = ${a.id}`.execute(t.db);
    expect(audit.rows[0].n).toBe(1);
    expect(audit.rows[0].actor).toMatch(/^Hệ thống một cửa tỉnh \(token:/);
  });

  test('two racing calls with one external code make one dossier', async () => {
    const [x, y] = await Promise.all([post(body({ external_code: 'HP-RACE-1' })), post(body({ external_code: 'HP-RACE-1' }))]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    const [bx, by] = await Promise.all([x.json(), y.json()]) as Array<{ id: string }>;
    expect(bx.id).toBe(by.id);
  });

  test('without an external code every call is a new dossier; a routed one is counted by the deciding unit', async () => {
    const other = (await sql<{ slug: string }>`select slug from units where type <> 'city' and slug <> 'chu-van-an' order by slug limit 1`.execute(t.db)).rows[0].slug;
    const [a, b] = await Promise.all([post(body()), post(body({ deciding_unit: other, channel: 'postal' }))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await b.json()).toMatchObject({ deciding_unit: other, receiving_unit: 'chu-van-an' });
  });

  test('a staff session with a write role needs x-csrf-token; viewers and anonymous callers are refused', async () => {
    expect((await post(body(), { cookie: officer.cookie })).status).toBe(403);
    expect((await post(body(), { cookie: officer.cookie, 'x-csrf-token': officer.csrf })).status).toBe(201);
    const viewer = await post(body(), { authorization: `Bearer ${viewerToken}` });
    expect(viewer.status).toBe(403);
    expect((await errorOf(viewer)).message).toMatch(/không có quyền/);
    const anonymous = await post(body(), {});
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).message).toBe('Vui lòng đăng nhập.');
  });

  test('400 in Vietnamese when the body does not match the schema', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ procedure, applicant_phone: '0912000777' }, /thiếu trường bắt buộc "applicant_name"/],
      [body({ channel: 'fax' }), /trường "channel" chỉ nhận một trong các giá trị: in_person, online, postal/],
      [body({ complete: 'có' }), /trường "complete" phải là true hoặc false/],
      [body({ nickname: 'x' }), /trường "nickname" không được hỗ trợ/],
      [body({ external_code: 'mã có dấu cách' }), /trường "external_code" sai định dạng/],
      [body({ applicant_name: '' }), /trường "applicant_name" không được để trống/],
      [[1, 2], /nội dung phải là một đối tượng JSON/],
    ];
    for (const [payload, message] of cases) {
      const r = await post(payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      const e = await errorOf(r);
      expect(e.message).toMatch(/^Dữ liệu gửi lên không hợp lệ: /);
      expect(e.message).toMatch(message);
    }
    const broken = await fetch(`${t.url}${URL_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"procedure":' });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toBe('Nội dung JSON không hợp lệ.');
  });

  test('422 in Vietnamese, per API field, when a value is not acceptable', async () => {
    const r = await post(body({ procedure: 'khong-co-thu-tuc-nay', applicant_phone: '12', complete: false }));
    expect(r.status).toBe(422);
    const e = await errorOf(r);
    expect(e.message).toBe('Thông tin hồ sơ chưa hợp lệ.');
    expect(e.details).toEqual({
      procedure: 'Chọn thủ tục hành chính.',
      applicant_phone: 'Nhập số điện thoại (9–11 chữ số) để công dân tra cứu hồ sơ.',
      missing_papers: 'Hồ sơ chưa đầy đủ: ghi rõ giấy tờ cần bổ sung (hướng dẫn một lần).',
    });
    const unit = await post(body({ deciding_unit: 'khong-co-phuong-nay' }));
    expect(unit.status).toBe(422);
    expect((await errorOf(unit)).details).toEqual({ deciding_unit: 'Không tìm thấy đơn vị có thẩm quyền giải quyết (deciding_unit) này.' });
    expect((await post(body(), { authorization: `Bearer ${token}` }, '/api/v1/units/khong-co/dossiers')).status).toBe(404);
  });

  test('an incomplete dossier waits for its supplement: no due date yet', async () => {
    const r = await post(body({ complete: false, missing_papers: 'Bản chính giấy khai sinh' }));
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ status: 'supplement_requested', due_date: null });
  });

  test('is described in /openapi.json', async () => {
    const spec = await (await fetch(`${t.url}/openapi.json`)).json() as any;
    const op = spec.paths['/api/v1/units/{unit}/dossiers'].post;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '422']));
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['procedure', 'applicant_name', 'applicant_phone']));
    expect(schema.properties.external_code.description).toMatch(/Gửi lại cùng mã/);
    expect(op.security).toEqual([{ bearer: [] }, { session: [] }]);
  });
});
