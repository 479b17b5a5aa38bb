import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let officer: Session;
let unitId: string;
const base = () => `${t.url}/quan-tri/chu-van-an/thu-tuc`;

async function procedureId(slug: string): Promise<{ id: string; version: number }> {
  const { rows } = await sql<{ id: string; version: number }>`select id, version from catalogue_procedures where unit_id = ${unitId} and slug = ${slug}`.execute(t.db);
  return rows[0];
}

function form(session: Session, fields: Record<string, string>) {
  return { method: 'POST', redirect: 'manual' as const, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString() };
}

const editFields = (version: number, overrides: Record<string, string> = {}) => ({
  version: String(version), name: 'Chứng thực chữ ký người dịch', field: 'Chứng thực', processing_unit: 'working_day', processing_value: '1',
  fee_amount: '10.000', fee_unit: 'trường hợp', documents: 'Bản dịch\nGiấy tờ tùy thân', steps: 'Nộp\nKý', published: 'on',
  counter: 'Quầy số 2', change_note: 'Rút ngắn thời hạn', ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId();
  officer = await t.login('motcua');
});
afterAll(async () => { await t?.close(); });

describe('staff catalogue', () => {
  it('requires login and the right role', async () => {
    const anon = await fetch(base(), { redirect: 'manual' });
    expect(anon.status).toBe(303);
    const viewer = await t.login('xem');
    expect((await fetch(base(), { headers: { cookie: viewer.cookie } })).status).toBe(403);
  });

  it('lists procedures and filters those that need review', async () => {
    const all = await (await fetch(base(), { headers: { cookie: officer.cookie } })).text();
    expect(all).toContain('59 thủ tục');
    const review = await (await fetch(`${base()}?can-ra-soat=1`, { headers: { cookie: officer.cookie } })).text();
    expect(review).toContain('27 thủ tục');
  });

  it('saves a new version with history and an audit entry in the same transaction', async () => {
    const p = await procedureId('chung-thuc-chu-ky-nguoi-dich');
    const res = await fetch(`${base()}/${p.id}`, form(officer, editFields(p.version)));
    expect(res.status).toBe(303);
    const after = await procedureId('chung-thuc-chu-ky-nguoi-dich');
    expect(after.version).toBe(p.version + 1);
    const { rows: versions } = await sql<any>`select version, changed_by, change_note, data from procedure_versions where procedure_id = ${p.id} order by version`.execute(t.db);
    expect(versions.at(-1)).toMatchObject({ version: p.version + 1, change_note: 'Rút ngắn thời hạn' });
    expect(versions.at(-1).changed_by).toContain('motcua');
    expect(versions.at(-1).data.processing).toEqual({ value: 1, unit: 'working_day', note: null });
    const { rows: audits } = await sql<any>`select action, entity_id from audit_log where action = 'catalogue.procedure.update' and entity_id = ${p.id}`.execute(t.db);
    expect(audits).toHaveLength(1);
    const history = await (await fetch(`${base()}/${p.id}/lich-su`, { headers: { cookie: officer.cookie } })).text();
    expect(history).toContain('Rút ngắn thời hạn');
    expect(history).toContain('Thời hạn giải quyết');
  });

  it('refuses a stale version with 409 and bad input with 422', async () => {
    const p = await procedureId('chung-thuc-chu-ky-nguoi-dich');
    expect((await fetch(`${base()}/${p.id}`, form(officer, editFields(p.version - 1)))).status).toBe(409);
    const bad = await fetch(`${base()}/${p.id}`, form(officer, editFields(p.version, { fee_amount: 'mười nghìn', documents: '' })));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Lệ phí phải là số đồng');
    expect(html).toContain('Hãy nhập ít nhất một giấy tờ');
  });

  it('edits the fee tiers, and a changed fee never leaves stale tiers driving the QR amount', async () => {
    const slug = 'chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban';
    const qrAmount = async () => (await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/${slug}/payment-qr?quantity=5`)).json()).amount;
    expect(await qrAmount()).toBe(7000); // 2 × 2.000 + 3 × 1.000
    const p = await procedureId(slug);
    const editPage = await (await fetch(`${base()}/${p.id}`, { headers: { cookie: officer.cookie } })).text();
    expect(editPage).toContain('name="tier_next_rate" type="text" value="1000"');
    const fields = {
      version: String(p.version), name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', processing_unit: 'immediate',
      fee_unit: 'trang', documents: 'Bản chính\nBản sao', published: 'on',
    };
    // the fee goes up; the tier fields are sent back as the form showed them
    expect((await fetch(`${base()}/${p.id}`, form(officer, { ...fields, fee_amount: '3.000', tier_first_units: '2', tier_next_rate: '1000', tier_max: '200000' }))).status).toBe(303);
    expect(await qrAmount()).toBe(9000); // 2 × 3.000 + 3 × 1.000: the first rate follows the fee
    // the officer empties the tiers: a flat 3.000 đ per page
    const v2 = await procedureId(slug);
    expect((await fetch(`${base()}/${p.id}`, form(officer, { ...fields, version: String(v2.version), fee_amount: '3.000', tier_first_units: '', tier_next_rate: '', tier_max: '' }))).status).toBe(303);
    expect(await qrAmount()).toBe(15000);
    // a bad tier is refused with a Vietnamese message
    const v3 = await procedureId(slug);
    const bad = await fetch(`${base()}/${p.id}`, form(officer, { ...fields, version: String(v3.version), fee_amount: '3.000', tier_first_units: '2', tier_next_rate: '' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Hãy nhập mức thu cho mỗi trang tiếp theo');
  });

  it('confirms a review and drops the public "under review" flag', async () => {
    const p = await procedureId('dang-ky-cham-dut-giam-ho');
    expect((await fetch(`${base()}/${p.id}/xac-nhan`, form(officer, {}))).status).toBe(303);
    const { rows } = await sql<any>`select needs_review, reviewed_by from catalogue_procedures where id = ${p.id}`.execute(t.db);
    expect(rows[0].needs_review).toBe(false);
    const api = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/${p.id}`)).json();
    expect(api.needs_review).toBe(false);
  });

  it('rejects a form post without CSRF', async () => {
    const p = await procedureId('dang-ky-khai-sinh');
    const res = await fetch(`${base()}/${p.id}/xac-nhan`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(res.status).toBe(403);
  });

  it('re-imports an XLSX list: a preview with old → new values, then apply, keeping missing procedures published', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('TTHC');
    ws.addRow(['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ']);
    ws.addRow(['1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'Trong ngày', 'Miễn phí', 'Tờ khai; Giấy chứng sinh']);
    ws.addRow(['9.999999', 'Xác nhận thử nghiệm mới', 'Khác', '05 ngày làm việc', '20.000 đồng/bản', 'Đơn đề nghị']);
    const xlsx = await wb.xlsx.writeBuffer();
    const upload = async () => {
      const body = new FormData();
      body.set('_csrf', officer.csrf);
      body.set('file', new Blob([xlsx]), 'danh-muc.xlsx');
      const up = await fetch(`${base()}/nhap`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie }, body });
      expect(up.status).toBe(303);
      return `${t.url}${up.headers.get('location')}`;
    };
    const previewUrl = await upload();
    const preview = await (await fetch(previewUrl, { headers: { cookie: officer.cookie } })).text();
    expect(preview).toContain('Thêm mới (1)');
    expect(preview).toContain('Thay đổi (1)');
    expect(preview).toContain('Không có trong tệp (58)');
    // old → new, field by field, in Vietnamese
    const khaiSinh = preview.slice(preview.indexOf('<summary><strong>Đăng ký khai sinh'), preview.indexOf('</details>', preview.indexOf('<summary><strong>Đăng ký khai sinh')));
    expect(khaiSinh).toMatch(/<th scope="row">Mã thủ tục<\/th><td>—<\/td><td>1\.001193<\/td>/);
    expect(khaiSinh).toContain('<del>Tờ khai đăng ký khai sinh (theo mẫu)</del>');
    expect(khaiSinh).toContain('<ins>Giấy chứng sinh</ins>');
    expect(preview).toMatch(/name="missing" value="keep" checked/);

    const before = await procedureId('dang-ky-khai-sinh');
    const apply = await fetch(`${previewUrl}/ap-dung`, form(officer, { missing: 'keep' }));
    expect(apply.status).toBe(303);
    const counts = async () => (await sql<any>`select count(*) filter (where published)::int as published, count(*)::int as total from catalogue_procedures where unit_id = ${unitId}`.execute(t.db)).rows[0];
    expect(await counts()).toEqual({ published: 60, total: 60 });
    const khaiSinhApi = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/dang-ky-khai-sinh`)).json();
    expect(khaiSinhApi).toMatchObject({ id: before.id, code: '1.001193', needs_review: true, documents: ['Tờ khai', 'Giấy chứng sinh'] });
    expect((await fetch(`${previewUrl}/ap-dung`, form(officer, {}))).status).toBe(409);

    // the same file again, and this time the officer unpublishes what is missing
    const second = await upload();
    expect((await fetch(`${second}/ap-dung`, form(officer, { missing: 'unpublish' }))).status).toBe(303);
    expect(await counts()).toEqual({ published: 2, total: 60 });
    const { rows: audits } = await sql<any>`select action, after from audit_log where entity = 'catalogue_import' order by id`.execute(t.db);
    expect(audits.map((a: any) => a.action)).toEqual(['catalogue.import.preview', 'catalogue.import.apply', 'catalogue.import.preview', 'catalogue.import.apply']);
    expect(audits[1].after).toMatchObject({ missing: 58, unpublished: 0 });
    expect(audits[3].after).toMatchObject({ missing: 58, unpublished: 58 });
  });

  it('keeps missing procedures published when the apply form says nothing', async () => {
    const body = new FormData();
    body.set('_csrf', officer.csrf);
    body.set('file', new Blob(['Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Thành phần hồ sơ\nĐăng ký khai sinh,Hộ tịch,Trong ngày,Tờ khai\n']), 'mot-dong.csv');
    const up = await fetch(`${base()}/nhap`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie }, body });
    const published = async () => (await sql<any>`select count(*)::int as n from catalogue_procedures where unit_id = ${unitId} and published`.execute(t.db)).rows[0].n;
    const n = await published();
    expect((await fetch(`${t.url}${up.headers.get('location')}/ap-dung`, form(officer, {}))).status).toBe(303);
    expect(await published()).toBe(n);
  });
});
