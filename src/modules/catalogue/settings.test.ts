import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { parseVietQr } from '../../lib/vietqr/index.js';
import { normaliseAccountName, parseUnitSettingsForm } from './unit-settings.js';

let t: TestApp;
let admin: Session;
const path = '/quan-tri/chu-van-an/thu-tuc/cai-dat';

beforeAll(async () => {
  t = await startTestApp();
  const a = await t.createStaff('admin');
  admin = await t.login(a.username, a.password);
});
afterAll(async () => { await t?.close(); });

const post = (s: Session, fields: Record<string, string>) => fetch(`${t.url}${path}`, {
  method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
});
const unitRow = async () => (await sql<any>`select settings, hotline from units where slug = 'chu-van-an'`.execute(t.db)).rows[0];
const audits = async () => (await sql<any>`select before, after from audit_log where action = 'catalogue.unit_settings.update' order by id`.execute(t.db)).rows;

describe('parseUnitSettingsForm', () => {
  it('accepts a NAPAS bank, cleans the number and writes the holder as banks do', () => {
    expect(parseUnitSettingsForm({ bank_bin: '970405', account_number: '1234 5678-9012', account_name: 'Ủy ban nhân dân phường Chu Văn An', hotline: '0220  3882 115' }).value).toEqual({
      payment: { bankBin: '970405', bankName: 'Agribank', accountNumber: '123456789012', accountName: 'UY BAN NHAN DAN PHUONG CHU VAN AN' },
      hotline: '0220 3882 115',
    });
    expect(normaliseAccountName('  đoàn   thị <b>lan</b> ')).toBe('DOAN THI B LAN /B');
  });

  it('treats three empty account fields as no account, and a partial account as an error', () => {
    expect(parseUnitSettingsForm({ bank_bin: '', account_number: '', account_name: '', hotline: '' }).value).toEqual({ payment: null, hotline: null });
    expect(parseUnitSettingsForm({ bank_bin: '970415', account_number: '', account_name: '' }).errors).toEqual({
      account_number: 'catalogue.settings.error_account_number', account_name: 'catalogue.settings.error_account_name',
    });
    expect(parseUnitSettingsForm({ bank_bin: '999999', account_number: '1'.repeat(20), account_name: 'UBND', hotline: '113 gọi ngay' }).errors).toEqual({
      bank_bin: 'catalogue.settings.error_bank', account_number: 'catalogue.settings.error_account_number', hotline: 'catalogue.settings.error_hotline',
    });
  });
});

describe('fee account and hotline settings', () => {
  it('is for administrators only', async () => {
    expect((await fetch(`${t.url}${path}`, { redirect: 'manual' })).status).toBe(303);
    const officer = await t.login('motcua');
    expect((await fetch(`${t.url}${path}`, { headers: { cookie: officer.cookie } })).status).toBe(403);
    expect((await post(officer, { bank_bin: '970405', account_number: '1', account_name: 'X Y Z' })).status).toBe(403);
  });

  it('shows the current account from the unit settings', async () => {
    const html = await (await fetch(`${t.url}${path}`, { headers: { cookie: admin.cookie } })).text();
    expect(html).toContain('value="113000012345"');
    expect(html).toMatch(/<option value="970415" selected>VietinBank/);
    expect(html).toContain('value="0220 3882 115"');
  });

  it('refuses bad input with 422 and Vietnamese messages, changing nothing', async () => {
    const before = await unitRow();
    const res = await post(admin, { bank_bin: '123456', account_number: 'số 12', account_name: '', hotline: 'gọi 113' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Hãy chọn ngân hàng trong danh sách.');
    expect(html).toContain('Số tài khoản chỉ gồm chữ số hoặc chữ cái, tối đa 19 ký tự.');
    expect(html).toContain('Số đường dây nóng chưa đúng');
    expect(html).toContain('value="gọi 113"'); // what was typed comes back
    expect(await unitRow()).toEqual(before);
    expect(await audits()).toEqual([]);
  });

  it('saves both (audited) and the fee VietQR and the directory use them at once', async () => {
    const res = await post(admin, { bank_bin: '970405', account_number: '1500 2050 12345', account_name: 'UBND phường Chu Văn An', hotline: '0220 3999 888' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?da-luu=1`);
    const row = await unitRow();
    expect(row.settings.payment).toEqual({ bankBin: '970405', bankName: 'Agribank', accountNumber: '1500205012345', accountName: 'UBND PHUONG CHU VAN AN' });
    expect(row.settings.agencyCode).toBe('000.00.00.H31'); // other settings kept
    expect(row.hotline).toBe('0220 3999 888');
    const [entry] = await audits();
    expect(entry.before.payment.accountNumber).toBe('113000012345');
    expect(entry.after).toMatchObject({ hotline: '0220 3999 888', payment: { bankBin: '970405' } });

    const qr = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/dang-ky-tam-tru/payment-qr`)).json();
    expect(parseVietQr(qr.payload)).toMatchObject({ bankBin: '970405', accountNumber: '1500205012345', amount: 15000 });
    const dir = await (await fetch(`${t.url}/api/v1/units/chu-van-an/directory`)).json();
    expect(dir.hotline).toBe('0220 3999 888');
  });

  it('removes the account when the three fields are emptied: the page says to pay at the counter', async () => {
    expect((await post(admin, { bank_bin: '', account_number: '', account_name: '', hotline: '0220 3999 888' })).status).toBe(303);
    expect((await unitRow()).settings.payment).toBeUndefined();
    const page = await (await fetch(`${t.url}/chu-van-an/thu-tuc/dang-ky-tam-tru`)).text();
    expect(page).toContain('chưa khai báo tài khoản thu lệ phí');
    expect((await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/dang-ky-tam-tru/payment-qr`)).status).toBe(422);
  });
});
