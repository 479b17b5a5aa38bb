import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { addDays, addWorkingDays, vnToday } from '../../../lib/vn-calendar/index.js';
import { submitFeedback } from '../intake.js';
import { DUE_SOON_WORKING_DAYS } from '../staff-repo.js';
import { makeDeadlineRulesSource } from '../work-calendar.js';

let t: TestApp;
let leader: Session;
let officer: Session;
const LIST = '/quan-tri/chi-linh/phan-anh'; // a ward without demo items: every count is known
const codes: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const unitId = await t.unitId('chi-linh');
  const deadlineRules = makeDeadlineRulesSource(t.appDb);
  const today = vnToday();
  const soonUntil = addWorkingDays((await deadlineRules(unitId)).calendar, today, DUE_SOON_WORKING_DAYS);
  const items: Array<[string, 'environment' | 'conduct', string, string]> = [
    // name, category, status, due date
    ['overdueNew', 'environment', 'received', addDays(today, -1)],
    ['dueTodayAssigned', 'environment', 'assigned', today],
    ['farInProgress', 'environment', 'in_progress', addDays(soonUntil, 10)],
    ['answeredLate', 'environment', 'answered', addDays(today, -1)],
    ['overdueConduct', 'conduct', 'received', addDays(today, -1)],
    ['soonClassified', 'environment', 'classified', soonUntil],
    ['laterNew', 'environment', 'received', addDays(soonUntil, 1)],
  ];
  for (const [name, category, status, due] of items) {
    const r = await submitFeedback(t.appDb, deadlineRules, unitId, {
      category, content: `Phản ánh thử số lượng: ${name}, nội dung đủ dài.`, name: null, phone: null, email: null, lat: null, lng: null, address: null, shareLocation: false,
    }, { channel: 'hotline' });
    await sql`update feedback set status = ${status}, due_date = ${due}::date where id = ${r.id}`.execute(t.db);
    codes[name] = r.code;
  }
  const l = await t.createStaff('leader', 'chi-linh');
  const o = await t.createStaff('department_officer', 'chi-linh');
  [leader, officer] = await Promise.all([t.login(l.username, l.password), t.login(o.username, o.password)]);
});
afterAll(async () => { await t?.close(); });

const page = async (s: Session, query = '') => (await fetch(`${t.url}${LIST}${query}`, { headers: { cookie: s.cookie } })).text();
const counts = (html: string) => Object.fromEntries([...html.matchAll(/data-count="(\w+)"><strong>(\d+)<\/strong>/g)].map((m) => [m[1], Number(m[2])]));
const listed = (html: string) => Object.entries(codes).filter(([, code]) => html.includes(`>${code}</a>`)).map(([name]) => name).sort();

describe('counts above the staff list', () => {
  it('counts overdue, due-soon and unassigned open items the viewer may see', async () => {
    const html = await page(leader);
    expect(counts(html)).toEqual({ overdue: 2, dueSoon: 2, unassigned: 4 });
    expect(html).toContain('sắp đến hạn (trong 2 ngày làm việc)');
    // Conduct items are not counted for staff who may not see them.
    expect(counts(await page(officer))).toEqual({ overdue: 1, dueSoon: 2, unassigned: 3 });
    expect(await page(officer, '?lang=en')).toContain('due soon (within 2 working days)');
  });

  it('each count links to the list it counts', async () => {
    const html = await page(leader);
    expect(html).toContain(`href="${LIST}?qua-han=1"`);
    expect(listed(await page(leader, '?qua-han=1'))).toEqual(['overdueConduct', 'overdueNew']);
    expect(listed(await page(leader, '?sap-den-han=1'))).toEqual(['dueTodayAssigned', 'soonClassified']);
    expect(listed(await page(leader, '?chua-giao=1'))).toEqual(['laterNew', 'overdueConduct', 'overdueNew', 'soonClassified']);
    const current = await page(leader, '?chua-giao=1');
    expect(current).toMatch(/href="[^"]+\?chua-giao=1" aria-current="true" data-count="unassigned"/);
    expect(current).toMatch(/id="f-chua-giao" name="chua-giao" value="1" checked/);
  });
});
