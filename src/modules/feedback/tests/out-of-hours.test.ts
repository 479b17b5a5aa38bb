import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { submitFeedback } from '../intake.js';
import { makeDeadlineRulesSource } from '../work-calendar.js';

// Issue #9: feedback received outside office hours, on a weekend or a holiday counts as received
// at the opening of the next working day, as dossiers do; the pages show that due date.
let t: TestApp;
let unitId: string;
let staff: Session;
const base = { name: null, phone: null, email: null, lat: null, lng: null, address: null, shareLocation: false };

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  unitId = await t.unitId('chi-linh'); // a ward without demo data or calendar changes
  const u = await t.createStaff('leader', 'chi-linh');
  staff = await t.login(u.username, u.password);
});
afterAll(async () => { await t?.close(); });

const submitAt = (local: string, content: string) => submitFeedback(
  t.appDb, makeDeadlineRulesSource(t.appDb), unitId, { ...base, category: 'environment', content }, { channel: 'hotline', receivedAt: new Date(`${local}+07:00`) },
);
const storedDue = async (code: string) => (await sql<{ d: string }>`select due_date::text as d from feedback where code = ${code}`.execute(t.db)).rows[0].d;

describe('feedback deadlines from the next opening', () => {
  it('counts Friday 04/12/2026 20:36 from Monday 07/12 (10 working days → Mon 21/12)', async () => {
    const r = await submitAt('2026-12-04T20:36:00', 'Đèn đường hỏng cả dãy phố từ tối thứ Sáu.');
    expect(r.dueDate).toBe('2026-12-21');
    expect(await storedDue(r.code)).toBe('2026-12-21');
    const pub = await (await fetch(`${t.url}/chi-linh/phan-anh/${r.code}`)).text();
    expect(pub).toContain('21/12/2026');
    expect(pub).not.toContain('18/12/2026');
    const det = await (await fetch(`${t.url}/quan-tri/chi-linh/phan-anh/${r.code}`, { headers: { cookie: staff.cookie } })).text();
    expect(det).toContain('21/12/2026');
    expect(det).not.toContain('18/12/2026');
  });

  it('counts Friday 04/12/2026 16:00 (within hours) from Friday (→ Fri 18/12)', async () => {
    const r = await submitAt('2026-12-04T16:00:00', 'Nắp cống bị vỡ trước cổng trường tiểu học.');
    expect(await storedDue(r.code)).toBe('2026-12-18');
  });

  it('counts a holiday receipt (Quốc khánh, Tue 01/09/2026) from Thu 03/09 (→ Thu 17/09)', async () => {
    const r = await submitAt('2026-09-01T10:00:00', 'Cây đổ chắn lối đi sau cơn mưa lớn.');
    expect(await storedDue(r.code)).toBe('2026-09-17');
  });

  it('counts a letter recorded as received on Saturday 05/12/2026 from Monday 07/12', async () => {
    const form = new URLSearchParams({
      _csrf: staff.csrf, channel: 'suggestion_box', category: 'environment', content: 'Đề nghị lắp thêm thùng rác ở đầu ngõ 12.',
      boxLocation: 'Hòm thư nhà văn hóa', receivedOn: '2026-12-05',
    });
    const res = await fetch(`${t.url}/quan-tri/chi-linh/phan-anh/ghi-nhan`, {
      method: 'POST', headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form,
    });
    expect(res.status).toBe(201);
    const code = /Đã ghi nhận phản ánh (PA-\d{4}-\w+)/.exec(await res.text())![1];
    expect(await storedDue(code)).toBe('2026-12-21');
  });

  it('recounts from the receipt when staff reclassify an out-of-hours item', async () => {
    // Fri 20/11/2026 20:36 → Mon 23/11; 10 working days → Mon 07/12 (not counted from the click).
    const r = await submitAt('2026-11-20T20:36:00', 'Vỉa hè bị lấn chiếm làm nơi để xe máy.');
    await sql`update feedback set due_date = '2026-01-01' where code = ${r.code}`.execute(t.db);
    const form = new URLSearchParams({ _csrf: staff.csrf, action: 'classify', category: 'environment' });
    const res = await fetch(`${t.url}/quan-tri/chi-linh/phan-anh/${r.code}/xu-ly`, {
      method: 'POST', headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form,
    });
    expect(res.status).toBe(200);
    expect(await storedDue(r.code)).toBe('2026-12-07');
  });
});
