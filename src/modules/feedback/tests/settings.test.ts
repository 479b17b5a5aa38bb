import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { CATEGORY_CODES, DEFAULT_CATEGORY_RULES, categoryRules } from '../categories.js';
import { feedbackDueDay } from '../deadlines.js';
import { makeDeadlineRulesSource } from '../work-calendar.js';
import { validateSettings, type FeedbackSettings } from '../settings.js';

let t: TestApp;
let admin: Session;
const PAGE = '/quan-tri/chu-van-an/phan-anh/cau-hinh';
const DEPTS = [{ code: 'KT', name: 'Kinh tế' }, { code: 'VP', name: 'Văn phòng' }];

/** The form as the page sends it: every deadline at its default, no contacts. */
function defaults(): Record<string, string> {
  const f: Record<string, string> = { chairmanAfter: '3' };
  for (const c of CATEGORY_CODES) {
    f[`days-${c}`] = String(DEFAULT_CATEGORY_RULES[c].deadlineDays);
    f[`remind-${c}`] = String(DEFAULT_CATEGORY_RULES[c].remindDaysBefore);
  }
  return f;
}

/** The stored settings as form fields (what a GET shows), read back from the page. */
async function currentFields(): Promise<Record<string, string>> {
  const html = await (await fetch(`${t.url}${PAGE}`, { headers: { cookie: admin.cookie } })).text();
  const f: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input id="f-[^>]+>/g)) {
    const name = / name="([^"]+)"/.exec(tag)![1];
    f[name] = (/ value="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&amp;/g, '&');
  }
  return f;
}

const post = (s: Session, fields: Record<string, string>, query = '') => fetch(`${t.url}${PAGE}${query}`, {
  method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
});

const audits = async (action: string) =>
  (await sql<{ entity_id: string; before: any; after: any }>`select entity_id, before, after from audit_log where action = ${action} order by id`.execute(t.db)).rows;

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const a = await t.createStaff('admin');
  admin = await t.login(a.username, a.password);
});
afterAll(async () => { await t?.close(); });

describe('deadline overrides and settings validation (pure)', () => {
  it('merges a unit\'s overrides over the defaults, category by category', () => {
    const rules = categoryRules([
      { category: 'environment', working_days: 3, remind_days_before: 1 },
      { category: 'weather', working_days: 1, remind_days_before: 0 },
    ]);
    expect(rules.environment).toMatchObject({ deadlineDays: 3, remindDaysBefore: 1, sensitive: false, open311Group: 'urban' });
    expect(rules.procedure).toEqual(DEFAULT_CATEGORY_RULES.procedure);
    expect(rules.conduct.sensitive).toBe(true);
    expect(Object.keys(rules)).toEqual([...CATEGORY_CODES]);
    expect(DEFAULT_CATEGORY_RULES.environment.deadlineDays).toBe(10); // the defaults are not modified
  });

  it('accepts a valid form and returns every category, department and the chairman', () => {
    const r = validateSettings({ ...defaults(), 'days-environment': '7', 'headEmail-KT': ' TruongPhong@Example.vn ', chairmanName: 'Hoàng Văn Toàn' }, DEPTS);
    expect(r.ok).toBe(true);
    const v = (r as { value: FeedbackSettings }).value;
    expect(v.deadlines.find((d) => d.category === 'environment')).toEqual({ category: 'environment', workingDays: 7, remindDaysBefore: 2 });
    expect(v.departments).toEqual([
      { code: 'KT', name: 'Kinh tế', headName: null, headEmail: 'truongphong@example.vn' },
      { code: 'VP', name: 'Văn phòng', headName: null, headEmail: null },
    ]);
    expect(v.chairman).toEqual({ name: 'Hoàng Văn Toàn', email: null, afterDays: 3 });
  });

  it('names every wrong field with its message key', () => {
    const r = validateSettings({
      ...defaults(), 'days-procedure': '0', 'days-security': '91', 'days-praise': 'năm', 'remind-suggestion': '15',
      'remind-other': '-1', 'headEmail-VP': 'khong-phai-thu', chairmanAfter: '0',
    }, DEPTS);
    expect(r.ok).toBe(false);
    const errors = (r as { errors: Record<string, { key: string }> }).errors;
    expect(Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.key]))).toEqual({
      'days-procedure': 'feedback.settings.error.days', 'days-security': 'feedback.settings.error.days', 'days-praise': 'feedback.settings.error.days',
      'remind-suggestion': 'feedback.settings.error.remindBeforeDeadline', 'remind-other': 'feedback.settings.error.remind',
      'headEmail-VP': 'feedback.settings.error.email', chairmanAfter: 'feedback.settings.error.chairmanAfter',
    });
  });
});

describe('settings page', () => {
  it('is for admins only', async () => {
    const leader = await t.login('lanhdao');
    expect((await fetch(`${t.url}${PAGE}`, { headers: { cookie: leader.cookie } })).status).toBe(403);
    expect((await post(leader, defaults())).status).toBe(403);
    const anon = await fetch(`${t.url}${PAGE}`, { redirect: 'manual' });
    expect(anon.status).toBe(303);
    const page = await fetch(`${t.url}${PAGE}`, { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Cấu hình thời hạn và chuyển cấp phản ánh');
    expect(html).toContain('kinhte.chuvanan@example.vn'); // demo department head
    expect(html).toContain('chutich.chuvanan@example.vn');
    const list = await (await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh`, { headers: { cookie: admin.cookie } })).text();
    expect(list).toContain(`href="${PAGE}"`);
    expect(await (await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh`, { headers: { cookie: leader.cookie } })).text()).not.toContain(`href="${PAGE}"`);
  });

  it('answers 422 with Vietnamese (or English) messages and keeps what was typed, storing nothing', async () => {
    const fields = { ...(await currentFields()), 'days-environment': '120', 'headEmail-KT': 'sai-dia-chi' };
    const res = await post(admin, fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Thời hạn phải là số nguyên từ 1 đến 90 ngày làm việc.');
    expect(html).toContain('Địa chỉ thư điện tử không hợp lệ.');
    expect(html).toContain('value="sai-dia-chi"');
    expect(html).toContain('href="#f-days-environment"');
    const en = await (await post(admin, fields, '?lang=en')).text();
    expect(en).toContain('The deadline must be a whole number from 1 to 90 working days.');
    expect((await sql<{ n: number }>`select count(*)::int as n from feedback_deadlines`.execute(t.db)).rows[0].n).toBe(0);
    expect(await audits('feedback.settings.deadline')).toEqual([]);
  });

  it('stores the changes, audits each one, and new items use the new deadline at once', async () => {
    const submit = async (content: string) => (await (await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'environment', content }),
    })).json()).code as string;
    const due = async (code: string) => (await sql<{ d: string }>`select due_date::text as d from feedback where code = ${code}`.execute(t.db)).rows[0].d;
    // The ward's own rules (calendar, office hours): an item sent out of hours counts from the next opening.
    const rules = await makeDeadlineRulesSource(t.appDb)(await t.unitId('chu-van-an'));
    const dueIn = (days: number) => feedbackDueDay(rules, new Date(), days);
    // Warm the rules cache with the default (10 working days).
    expect(await due(await submit('Rác thải tồn đọng ở chân cầu thang khu tập thể.'))).toBe(dueIn(10));

    const fields = { ...(await currentFields()), 'days-environment': '3', 'remind-environment': '1', 'headEmail-KT': 'truongphong.moi@example.vn', chairmanAfter: '2' };
    const res = await post(admin, fields);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã lưu 3 thay đổi.');
    const rows = await sql<{ category: string; working_days: number; remind_days_before: number }>`select category, working_days, remind_days_before from feedback_deadlines`.execute(t.db);
    expect(rows.rows).toEqual([{ category: 'environment', working_days: 3, remind_days_before: 1 }]);
    const kt = await sql<{ head_email: string; head_name: string }>`select head_email, head_name from feedback_departments d join units u on u.id = d.unit_id where u.slug = 'chu-van-an' and d.code = 'KT'`.execute(t.db);
    expect(kt.rows[0]).toEqual({ head_email: 'truongphong.moi@example.vn', head_name: 'Nguyễn Văn Hải' });
    const s = await sql<{ chairman_after_days: number }>`select chairman_after_days from feedback_settings s join units u on u.id = s.unit_id where u.slug = 'chu-van-an'`.execute(t.db);
    expect(s.rows[0].chairman_after_days).toBe(2);
    expect(await audits('feedback.settings.deadline')).toEqual([
      { entity_id: 'environment', before: { working_days: 10, remind_days_before: 2 }, after: { working_days: 3, remind_days_before: 1 } },
    ]);
    expect((await audits('feedback.settings.department')).map((a) => [a.entity_id, a.after.head_email])).toEqual([['KT', 'truongphong.moi@example.vn']]);
    expect((await audits('feedback.settings.chairman'))[0].after.chairman_after_days).toBe(2);
    // The cached rules were dropped: the very next item counts 3 working days.
    expect(await due(await submit('Nước thải từ nhà hàng chảy ra vỉa hè phố Lê Lợi.'))).toBe(dueIn(3));

    // Saving the same values changes nothing and audits nothing.
    expect(await (await post(admin, await currentFields())).text()).toContain('Không có thay đổi nào.');
    expect(await audits('feedback.settings.deadline')).toHaveLength(1);

    // Back to the default: the override row goes, the change is audited.
    await post(admin, { ...(await currentFields()), 'days-environment': '10', 'remind-environment': '2' });
    expect((await sql<{ n: number }>`select count(*)::int as n from feedback_deadlines`.execute(t.db)).rows[0].n).toBe(0);
    expect(await audits('feedback.settings.deadline')).toHaveLength(2);
    expect(await due(await submit('Khói bụi từ xưởng gỗ gây ô nhiễm cả khu phố.'))).toBe(dueIn(10));
  });
});
