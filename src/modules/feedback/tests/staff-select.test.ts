/** The assignee and the official concerned are chosen from the unit's active staff, and checked on the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let leader: Session;
const STAFF = '/quan-tri/chu-van-an/phan-anh';
const idOf = async (username: string) => (await sql<{ id: string }>`select id from users where username = ${username}`.execute(t.db)).rows[0].id;

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

let n = 0;
async function create(): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'infrastructure', content: `Nắp cống số ${++n} trên phố Lê Lợi bị vỡ, rất nguy hiểm.` }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).code;
}

function act(code: string, action: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: leader.csrf, action });
  for (const [k, v] of Object.entries(fields)) body.set(`${k}-${action}`, v);
  return fetch(`${t.url}${STAFF}/${code}/xu-ly`, { method: 'POST', headers: { cookie: leader.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
}

const page = async (code: string) => (await fetch(`${t.url}${STAFF}/${code}`, { headers: { cookie: leader.cookie } })).text();
const item = async (code: string) => (await sql<{ assignee_id: string | null; concerned_official_id: string | null; status: string }>`
  select assignee_id, concerned_official_id, status from feedback where code = ${code}`.execute(t.db)).rows[0];

/** The <select> named `name` in the page, or null. */
const selectNamed = (html: string, name: string) => new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? null;

describe('choosing staff on the item page', () => {
  it('offers the unit\'s active staff (name, role, department) instead of a free ID field', async () => {
    const code = await create();
    const vanhoa = await idOf('vanhoa');
    const html = await page(code);
    expect(html).not.toMatch(/<input[^>]*name="concernedOfficialId-classify"/);
    const concerned = selectNamed(html, 'concernedOfficialId-classify');
    expect(concerned).not.toBeNull();
    expect(concerned).toMatch(/^<option value(="")?>— Chưa chọn —<\/option>/);
    expect(concerned).toMatch(new RegExp(`<option value="${vanhoa}"[^>]*>[^<]+ — [^<]+</option>`));
    // Staff of another unit and disabled accounts are not offered.
    const other = (await sql<{ slug: string }>`select slug from units where slug <> 'chu-van-an' order by slug limit 1`.execute(t.db)).rows[0].slug;
    const outsider = await t.createStaff('department_officer', other);
    expect(concerned).not.toContain(await idOf(outsider.username));
    expect(concerned).not.toContain('Cán bộ thử');

    expect((await act(code, 'classify', { departmentCode: 'KT' })).status).toBe(200);
    const assign = selectNamed(await page(code), 'assigneeId-assign');
    expect(assign).toContain(`<option value="${vanhoa}"`);
    expect(assign).not.toContain(await idOf(outsider.username));
  });

  it('saves a chosen official, shows the name and audits the step', async () => {
    const code = await create();
    const vanhoa = await idOf('vanhoa');
    const motcua = await idOf('motcua');
    expect((await act(code, 'classify', { concernedOfficialId: motcua })).status).toBe(200);
    const res = await act(code, 'assign', { departmentCode: 'KT', assigneeId: vanhoa });
    expect(res.status).toBe(200);
    const html = await res.text();
    // Re-assigning keeps the current choice selected; the summary names both officials.
    expect(selectNamed(html, 'assigneeId-assign')).toContain(`<option value="${vanhoa}" selected>`);
    expect(html).toMatch(/<dt[^>]*>Cán bộ được giao<\/dt>\s*<dd[^>]*>Lê Thị Hồng Nhung — /);
    expect(await item(code)).toEqual({ assignee_id: vanhoa, concerned_official_id: motcua, status: 'assigned' });
    const audit = await sql<{ after: { assignee_id: string } }>`select after from audit_log where action = 'feedback.assign'
      and entity_id = (select id::text from feedback where code = ${code})`.execute(t.db);
    expect(audit.rows.map((r) => r.after.assignee_id)).toEqual([vanhoa]);
  });

  it('refuses with 422 an official of another unit, a disabled account or an unknown id, by form and by API', async () => {
    const other = (await sql<{ slug: string }>`select slug from units where slug <> 'chu-van-an' order by slug limit 1`.execute(t.db)).rows[0].slug;
    const outsider = await idOf((await t.createStaff('department_officer', other)).username);
    const gone = await t.createStaff('department_officer');
    const goneId = await idOf(gone.username);
    await sql`update users set disabled = true where id = ${goneId}`.execute(t.db);
    const code = await create();

    const classify = await act(code, 'classify', { concernedOfficialId: outsider });
    expect(classify.status).toBe(422);
    expect(await classify.text()).toContain('Cán bộ được chọn không thuộc đơn vị hoặc đã ngừng hoạt động.');
    expect((await item(code)).status).toBe('received');

    expect((await act(code, 'classify', {})).status).toBe(200);
    for (const id of [outsider, goneId, '0190e5a4-0000-7000-8000-000000000000']) {
      expect((await act(code, 'assign', { departmentCode: 'KT', assigneeId: id })).status).toBe(422);
    }
    expect(await item(code)).toMatchObject({ assignee_id: null, status: 'classified' });

    const api = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback/${code}/actions`, {
      method: 'POST', headers: { ...leader.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'assign', departmentCode: 'KT', assigneeId: outsider }),
    });
    expect(api.status).toBe(422);
    expect((await api.json()).error).toMatchObject({ code: 'validation_failed', message: 'Cán bộ được chọn không thuộc đơn vị hoặc đã ngừng hoạt động.', details: { field: 'assigneeId' } });
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'feedback.assign'
      and entity_id = (select id::text from feedback where code = ${code})`.execute(t.db);
    expect(audit.rows[0].n).toBe(0);
  });
});
