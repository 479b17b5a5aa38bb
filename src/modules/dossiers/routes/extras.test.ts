import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymousForm, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { computeDeadline, isoWeekdayOf, nationalCalendar, vnToday } from '../../../lib/vn-calendar/index.js';
import { unitProcedures } from '../service/procedures.js';

let t: TestApp;
let officer: Session;
let leader: Session;
beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  [officer, leader] = await Promise.all([t.login('motcua'), t.login('lanhdao')]);
});
afterAll(async () => { await t?.close(); });

const post = (s: { cookie: string; csrf: string }, url: string, fields: Record<string, string> | URLSearchParams) => {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
  body.set('_csrf', s.csrf);
  return fetch(`${t.url}${url}`, { method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
};

describe('fast-track day and settings', () => {
  test('settings are validated and saved; a fast-track dossier is due the same day', async () => {
    const unitId = await t.unitId();
    const procedure = (await unitProcedures(t.appDb, unitId)).find((p) => p.workingDays === 3)!;
    const bad = await post(leader, '/quan-tri/chu-van-an/ho-so/cai-dat', { agency_code: 'sai mã' });
    expect(bad.status).toBe(422);
    const form = new URLSearchParams({ agency_code: '000.00.00.H31', collect_place: 'Quầy 2', leader_name: 'Trần Minh Đức', leader_title: 'Phó Chủ tịch', fast_track_weekday: '3' });
    form.append('fast_track_procedures', procedure.key);
    expect((await post(leader, '/quan-tri/chu-van-an/ho-so/cai-dat', form)).status).toBe(303);
    expect((await post(officer, '/quan-tri/chu-van-an/ho-so/cai-dat', form)).status).toBe(403);
    // Make today the fast-track day, whatever day the test runs.
    const today = vnToday();
    await t.db.updateTable('dossier_settings').set({ fast_track_weekday: isoWeekdayOf(today) }).where('unit_id', '=', unitId).execute();
    const res = await post(officer, '/quan-tri/chu-van-an/ho-so/tiep-nhan', { procedureKey: procedure.key, applicantName: 'Vũ Thị Lan', applicantPhone: '0912000789', channel: 'in_person', complete: 'yes' });
    const code = decodeURIComponent(/ho-so\/([^?]+)/.exec(res.headers.get('location')!)![1]);
    expect(code.startsWith('000.00.00.H31-')).toBe(true);
    const d = await t.db.selectFrom('dossiers').select(['fast_track', 'due_date', 'received_at']).where('code', '=', code).executeTakeFirstOrThrow();
    // Same day — the day the receipt counts from: today inside office hours, else the next working day.
    const sameDay = computeDeadline(nationalCalendar(), { receivedAt: d.received_at as Date, limit: { kind: 'same_day', value: 0 } });
    expect({ fast_track: d.fast_track, due_date: d.due_date }).toEqual({ fast_track: true, due_date: sameDay.dueDate });
    const page = await (await fetch(`${t.url}/chu-van-an/ngay-giai-quyet-nhanh`)).text();
    expect(page).toContain(procedure.name);
  });
});

describe('home service', () => {
  test('citizen request, staff-only list, schedule, pickup linked to a dossier, delivery', async () => {
    const anon = await anonymousForm(`${t.url}/chu-van-an/phuc-vu-tai-nha`);
    const bad = await post(anon, '/chu-van-an/phuc-vu-tai-nha', { requesterName: 'A' });
    expect(bad.status).toBe(422);
    const ok = await post(anon, '/chu-van-an/phuc-vu-tai-nha', { requesterName: 'Đỗ Văn Bảy', phone: '0912000321', address: 'Số 5 ngõ 12, tổ dân phố Sao Đỏ 3', category: 'war_invalid', procedureName: 'Chứng thực bản sao' });
    expect(ok.status).toBe(303);
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/phuc-vu-tai-nha`, { redirect: 'manual' })).status).toBe(303);
    const list = await (await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/phuc-vu-tai-nha`, { headers: { cookie: officer.cookie } })).text();
    expect(list).toContain('Đỗ Văn Bảy');
    const r = await t.db.selectFrom('dossier_home_requests').selectAll().where('requester_name', '=', 'Đỗ Văn Bảy').executeTakeFirstOrThrow();
    const url = `/quan-tri/chu-van-an/ho-so/phuc-vu-tai-nha/${r.id}`;
    const sfx = (r.id as string).slice(-6);
    expect((await post(officer, url, { step: 'deliver' })).status).toBe(409);
    expect((await post(officer, url, { step: 'schedule', [`visitAt-${sfx}`]: '2026-12-01T09:30' })).status).toBe(303);
    const recv = await post(officer, '/quan-tri/chu-van-an/ho-so/tiep-nhan', { procedureKey: (await unitProcedures(t.appDb, await t.unitId()))[0].key, applicantName: 'Đỗ Văn Bảy', applicantPhone: '0912000321', channel: 'in_person', complete: 'yes' });
    const code = decodeURIComponent(/ho-so\/([^?]+)/.exec(recv.headers.get('location')!)![1]);
    expect((await post(officer, url, { step: 'pickup', [`dossierCode-${sfx}`]: code })).status).toBe(303);
    expect((await post(officer, url, { step: 'deliver' })).status).toBe(303);
    const after = await t.db.selectFrom('dossier_home_requests').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('delivered');
    expect(after.visit_at?.toISOString()).toBe('2026-12-01T02:30:00.000Z');
    const d = await t.db.selectFrom('dossiers').select('home_service').where('code', '=', code).executeTakeFirstOrThrow();
    expect(d.home_service).toBe(true);
  });
});
