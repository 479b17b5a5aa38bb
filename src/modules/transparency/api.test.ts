import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { isoWeekAt, weekKey } from '../../lib/vn-calendar/index.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const api = (path: string) => fetch(`${t.url}/api/v1/units/chu-van-an${path}`);

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('directory API and vCards', () => {
  it('lists the demo directory with the hotline', async () => {
    const res = await api('/directory');
    expect(res.status).toBe(200);
    const body = await res.json() as { hotline: string; items: { full_name: string; title: string; grouping: string; vcard_url: string }[] };
    expect(body.hotline).toBeTruthy();
    expect(body.items.length).toBeGreaterThanOrEqual(25);
    expect(body.items.find((i) => i.title === 'Chủ tịch UBND phường')?.full_name).toBe('Nguyễn Văn Thương');
    expect(body.items[0].grouping).toBe('party');
  });

  it('serves one vCard per entry and all of them, UTF-8 and CRLF', async () => {
    const { items } = await (await api('/directory')).json() as { items: { id: string; full_name: string; vcard_url: string }[] };
    const one = await fetch(`${t.url}${items[0].vcard_url}`);
    expect(one.headers.get('content-type')).toMatch(/^text\/vcard; charset=utf-8/);
    const card = await one.text();
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(card).toContain(`FN:${items[0].full_name}`);
    const v4 = await (await fetch(`${t.url}${items[0].vcard_url}?phien-ban=4.0`)).text();
    expect(v4).toContain('VERSION:4.0');
    const all = await (await fetch(`${t.url}/chu-van-an/danh-ba/tat-ca.vcf`)).text();
    expect(all.match(/BEGIN:VCARD/g)?.length).toBe(items.length);
    expect((await fetch(`${t.url}/chu-van-an/danh-ba/khong-co.vcf`)).status).toBe(404);
    expect((await fetch(`${t.url}/chu-van-an/danh-ba/0190a5b2-0000-7000-8000-000000000001.vcf`)).status).toBe(404);
  });

  it('answers 404 for an unknown unit', async () => {
    expect((await fetch(`${t.url}/api/v1/units/khong-ton-tai/directory`)).status).toBe(404);
  });
});

describe('work calendar', () => {
  const week = weekKey(isoWeekAt(new Date()));
  it('returns the seeded events of this week, by owner', async () => {
    const all = await (await api(`/calendar?week=${week}`)).json() as { week: string; items: { owner: string }[] };
    expect(all.week).toBe(week);
    expect(all.items).toHaveLength(10);
    const chairman = await (await api(`/calendar?week=${week}&owner=chairman`)).json() as { items: { owner: string }[] };
    expect(chairman.items).toHaveLength(5);
    expect(chairman.items.every((i) => i.owner === 'chairman')).toBe(true);
  });

  it('rejects a malformed week or owner with a Vietnamese 400', async () => {
    const res = await api('/calendar?week=2026-48');
    expect(res.status).toBe(400);
    expect((await res.json() as { error: { message: string } }).error.message).toContain('Tuần không hợp lệ');
    expect((await api('/calendar?owner=ai-do')).status).toBe(400);
    expect((await fetch(`${t.url}/chu-van-an/lich-cong-tac?tuan=2026-W99`)).status).toBe(400);
  });

  it('publishes ICS feeds that ical.js parses, in Vietnam time', async () => {
    const res = await api('/calendar.ics?owner=chairman');
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = parseIcs(await res.text());
    expect(events.length).toBe(10); // this week and next week
    const reception = events.find((e) => e.summary === 'Tiếp công dân định kỳ')!;
    expect(reception.startDate.toString()).toMatch(/T07:30:00$/);
    expect(reception.startDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
    expect(reception.startDate.toJSDate().toISOString()).toMatch(/T00:30:00\.000Z$/);
    const committee = parseIcs(await (await api('/calendar.ics')).text());
    expect(committee.some((e) => e.summary.startsWith('Giao ban'))).toBe(true);
  });
});

describe('citizen reception', () => {
  it('gives the next session and a recurring ICS feed', async () => {
    const body = await (await api('/reception')).json() as { schedule: { weekday: number }[]; next: { starts_at: string; leader_name: string }; upcoming: unknown[] };
    expect(body.schedule.map((s) => s.weekday).sort()).toEqual([2, 4]);
    expect(new Date(body.next.starts_at).getTime()).toBeGreaterThan(Date.now() - 5 * 3600_000);
    expect(body.upcoming.length).toBeGreaterThanOrEqual(4); // four Thursdays in 31 days at least
    const events = parseIcs(await (await api('/reception.ics')).text());
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.isRecurring())).toBe(true);
  });
});

describe('disclosures', () => {
  it('lists documents with posting status and the land project', async () => {
    const body = await (await api('/disclosures')).json() as { documents: { status: string; posting_days: number; title: string }[]; projects: { comment_window: string }[] };
    expect(body.documents.length).toBe(10);
    expect(body.documents.find((d) => d.title.startsWith('Kế hoạch phát triển'))?.status).toBe('expired'); // published 40 days ago
    expect(body.documents.find((d) => d.title.startsWith('Công khai dự toán'))?.status).toBe('posting');
    expect(body.projects[0].comment_window).toBe('open');
  });
});
