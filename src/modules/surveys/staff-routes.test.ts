import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { type Session, type TestApp, startLoggedInApp } from '../../../test/helpers/app.js';
import { getPage, Jar, postForm } from './test-support.js';

let t: TestApp;
let officer: Session;
const ADMIN = '/quan-tri/chu-van-an/khao-sat';
const staffJar = (s: Session) => new Jar(s.cookie);
const auditActions = async (entityId: string) => (await sql<{ action: string }>`select action from audit_log
  where entity_id = ${entityId} order by id`.execute(t.db)).rows.map((r) => r.action);
const draftOf = async (id: string) => (await sql<{ draft: { sections: { id: string; questions: { id: string; type: string }[] }[] } }>`
  select draft from surveys where id = ${id}`.execute(t.db)).rows[0].draft;

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

describe('staff permissions', () => {
  it('sends anonymous visitors to the login page and refuses other roles', async () => {
    const anon = await getPage(`${t.url}${ADMIN}`, new Jar());
    expect([302, 303]).toContain(anon.res.status);
    expect(anon.res.headers.get('location')).toContain('/dang-nhap');
    const culture = await t.login('vanhoa');
    expect((await getPage(`${t.url}${ADMIN}`, staffJar(culture))).res.status).toBe(403);
    const viewer = await t.login('xem');
    expect((await getPage(`${t.url}${ADMIN}`, staffJar(viewer))).res.status).toBe(200);
    const create = await postForm(`${t.url}${ADMIN}`, staffJar(viewer), { _csrf: viewer.csrf, title_vi: 'Thử', slug: 'thu' });
    expect(create.res.status).toBe(403);
  });
});

describe('survey builder without JavaScript', () => {
  let id = '';
  let base = '';
  it('creates a survey, adds a section and questions, moves and deletes them, all audited', async () => {
    const jar = staffJar(officer);
    const created = await postForm(`${t.url}${ADMIN}`, jar, { _csrf: officer.csrf, template: '', title_vi: 'Khảo sát thử nghiệm', title_en: 'Pilot survey', slug: 'thu-nghiem' });
    expect(created.res.status).toBe(303);
    base = created.res.headers.get('location')!;
    id = base.split('/').pop()!;
    expect((await postForm(`${t.url}${ADMIN}`, jar, { _csrf: officer.csrf, title_vi: 'Trùng', slug: 'thu-nghiem' })).res.status).toBe(409);
    await postForm(`${t.url}${base}/phan`, jar, { _csrf: officer.csrf, section_vi: 'Phần chung', section_en: 'General' });
    const section = (await draftOf(id)).sections[0].id;
    const q = (type: string, extra: Record<string, string>) => postForm(`${t.url}${base}/cau-hoi`, jar,
      { _csrf: officer.csrf, section, type, text_vi: `Câu ${type}`, text_en: `Question ${type}`, required: 'on', ...extra });
    expect((await q('scale', { index: 'on' })).res.status).toBe(303);
    expect((await q('single', { options: 'Có | Yes\nKhông | No' })).res.status).toBe(303);
    expect((await q('text', {})).res.status).toBe(303);
    const bad = await q('single', { options: 'Chỉ một | Only one' });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Cần ít nhất 2 phương án.');
    let qs = (await draftOf(id)).sections[0].questions;
    expect(qs.map((x) => x.type)).toEqual(['scale', 'single', 'text']);
    await postForm(`${t.url}${base}/cau-hoi/${qs[2].id}/thao-tac`, jar, { _csrf: officer.csrf, action: 'up' });
    await postForm(`${t.url}${base}/cau-hoi/${qs[0].id}/thao-tac`, jar, { _csrf: officer.csrf, action: 'delete' });
    qs = (await draftOf(id)).sections[0].questions;
    expect(qs.map((x) => x.type)).toEqual(['text', 'single']);
    const page = await getPage(`${t.url}${base}`, jar);
    expect(page.html).toContain('Câu single');
    expect(await auditActions(id)).toEqual(['survey.create', 'survey.section.add', 'survey.question.add', 'survey.question.add',
      'survey.question.add', 'survey.question.up', 'survey.question.delete']);
    await postForm(`${t.url}${base}/phan/${section}/thao-tac`, jar, { _csrf: officer.csrf, action: 'rename', [`title_vi-${section}`]: 'Phần đã đổi', [`title_en-${section}`]: 'Renamed' });
    expect((await draftOf(id)).sections[0]).toMatchObject({ title: { vi: 'Phần đã đổi', en: 'Renamed' } });
    const preview = await getPage(`${t.url}${base}/xem-truoc`, jar);
    expect(preview.html).toContain('Câu single');
    const checked = await postForm(`${t.url}${base}/xem-truoc`, jar, { _csrf: officer.csrf });
    expect(checked.res.status).toBe(422);
    expect(checked.html).toContain('Vui lòng trả lời câu hỏi bắt buộc này.');
    expect((await sql`select 1 from survey_responses where survey_id = ${id}`.execute(t.db)).rows).toEqual([]);
  });

  it('publishes, keeps answered versions, and publishes changes as a new version', async () => {
    const jar = staffJar(officer);
    expect((await postForm(`${t.url}${base}/trang-thai`, jar, { _csrf: officer.csrf, action: 'publish' })).res.status).toBe(303);
    const [text, single] = (await draftOf(id)).sections[0].questions;
    const api = `${t.url}/api/v1/units/chu-van-an/surveys/thu-nghiem/responses`;
    const post = async (answers: object) => { // a new device each time: its cookie from GET …/session
      const device = new Jar();
      await getPage(`${t.url}/api/v1/units/chu-van-an/surveys/thu-nghiem/session`, device);
      return fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', cookie: device.header }, body: JSON.stringify({ answers }) });
    };
    expect((await post({ [text.id]: 'Tốt', [single.id]: 'co' })).status).toBe(201);
    await postForm(`${t.url}${base}/cau-hoi/${single.id}`, jar, { _csrf: officer.csrf, type: 'single', text_vi: 'Câu đã sửa', text_en: 'Edited', options: 'Có | Yes\nKhông | No\nKhác | Other' });
    expect((await getPage(`${t.url}${base}`, jar)).html).toContain('phiên bản 2');
    await postForm(`${t.url}${base}/trang-thai`, jar, { _csrf: officer.csrf, action: 'publish' });
    expect((await post({ [text.id]: 'Ổn', [single.id]: 'khac' })).status).toBe(201);
    const versions = (await sql<{ version: number }>`select version from survey_responses where survey_id = ${id} order by submitted_at`.execute(t.db)).rows;
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    await postForm(`${t.url}${base}/trang-thai`, jar, { _csrf: officer.csrf, action: 'close' });
    expect((await post({ [text.id]: 'Muộn' })).status).toBe(422);
    expect((await auditActions(id)).filter((a) => a.startsWith('survey.publish') || a === 'survey.close')).toEqual(['survey.publish', 'survey.publish', 'survey.close']);
  });
});

describe('paper forms and exports', () => {
  it('keys in a paper form as channel paper, audited with the officer', async () => {
    const s = (await sql<{ id: string }>`select id from surveys where slug = 'hai-long-trung-tam' and unit_id = ${await t.unitId()}`.execute(t.db)).rows[0];
    const jar = staffJar(officer);
    const { centreFormAnswers } = await import('./test-support.js');
    const r = await postForm(`${t.url}${ADMIN}/${s.id}/nhap-phieu`, jar, { _csrf: officer.csrf, ...centreFormAnswers('5') });
    expect(r.res.status).toBe(303);
    const row = (await sql<{ id: string; channel: string; entered_by: string }>`select id, channel, entered_by from survey_responses
      where survey_id = ${s.id} order by submitted_at desc limit 1`.execute(t.db)).rows[0];
    expect(row.channel).toBe('paper');
    expect(row.entered_by).toBeTruthy();
    expect(await auditActions(row.id)).toEqual(['survey.paper.enter']);
    const bad = await postForm(`${t.url}${ADMIN}/${s.id}/nhap-phieu`, jar, { _csrf: officer.csrf, 'q_tong-the': '4' });
    expect(bad.res.status).toBe(422);
  });

  it('exports CSV and XLSX with one row per response', async () => {
    const s = (await sql<{ id: string; n: number }>`select s.id, (select count(*)::int from survey_responses r where r.survey_id = s.id) as n
      from surveys s where slug = 'hai-long-trung-tam' and unit_id = ${await t.unitId()}`.execute(t.db)).rows[0];
    const headers = { cookie: officer.cookie };
    const csv = await fetch(`${t.url}${ADMIN}/${s.id}/ket-qua.csv`, { headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.length).toBe(s.n + 1);
    const xlsx = await fetch(`${t.url}${ADMIN}/${s.id}/ket-qua.xlsx`, { headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0].rowCount).toBe(s.n + 1);
    const page = await getPage(`${t.url}${ADMIN}/${s.id}/ket-qua?hang=tuoi&cot=tong-the`, staffJar(officer));
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Bảng chéo');
    expect(page.html).toContain('Chỉ số hài lòng');
  });
});
