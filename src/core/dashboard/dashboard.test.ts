import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { lastMonths, monthBounds } from './types.js';
import { addDays, vnDateTimeOf, vnToday } from '../../lib/vn-calendar/index.js';
import {
  insertBookings, insertService, insertTickets, type BookingFixture, type TicketFixture,
} from '../../modules/centre/test-support.js';
import { insertDossiers, type DossierFixture } from '../../modules/dossiers/test-support.js';
import { insertFeedback } from '../../modules/feedback/test-support.js';
import { setReviewsOverdue } from '../../modules/transparency/test-support.js';

/**
 * The staff board of a unit without demo data, after storing known records: every tile's count,
 * the list its link opens, and the month trends leaders see.
 */
let t: TestApp;
let slug: string;
let unitId: string;
let leader: Session;
let viewer: Session;
const dayOffset = (days: number) => addDays(vnToday(), days);

async function seedDossiers() {
  const now = new Date();
  const row = (code: string, status: DossierFixture['status'], due: number, o: Partial<DossierFixture> = {}): DossierFixture => ({
    receiving_unit_id: unitId, code: `D.T-${code}`, procedure_name: 'Chứng thực chữ ký', field: 'Chứng thực',
    working_days: 2, applicant_name: 'Lê Văn Nam', channel: 'in_person', status, source: 'test',
    received_at: now, accepted_at: now, due_date: dayOffset(due), ...o,
  });
  await insertDossiers(t.db, unitId, [
    row('000001-0001', 'processing', 0), row('000001-0002', 'received', 0), // due today
    row('000001-0003', 'processing', -3), // overdue
    row('000001-0004', 'supplement_requested', 10), // awaiting papers
    row('000001-0005', 'returned', -1, { result_at: now }), // settled late: counts in the trend only
    row('000001-0006', 'returned', 5, { result_at: now }), // settled early
    row('000001-0007', 'returned', 0, { result_at: now }), // settled on time
  ]);
}

async function seedFeedback() {
  const now = new Date();
  const item = (n: number, status: string, due: number, answered = false) => ({
    code: `PA-TEST${n}`, category: 'infrastructure', channel: 'web', status, content: 'Đèn đường hỏng',
    received_at: now, due_date: dayOffset(due), answered_at: answered ? now : null,
  });
  await insertFeedback(t.db, unitId, [
    item(1, 'received', 20), // unassigned
    item(2, 'assigned', 0), // due soon (today)
    item(3, 'in_progress', -3), // overdue
    item(4, 'classified', -1), // unassigned and overdue
    item(5, 'answered', -5, true), // answered late
    item(6, 'answered', 3, true), // answered on time
  ]);
}

async function seedCentre() {
  const serviceId = await insertService(t.db, unitId, { code: 'ho-tich', prefix: 'A', name_vi: 'Hộ tịch', name_en: 'Civil status' });
  const now = Date.now();
  const ticket = (seq: number, status: TicketFixture['status'], createdMinAgo: number, calledMinAgo: number | null): TicketFixture => ({
    service_id: serviceId, day: vnToday(), seq, number: `A${String(seq).padStart(3, '0')}`, status, source: 'kiosk',
    created_at: new Date(now - createdMinAgo * 60_000), called_at: calledMinAgo === null ? null : new Date(now - calledMinAgo * 60_000),
  });
  await insertTickets(t.db, unitId, [
    ticket(1, 'done', 40, 30), ticket(2, 'waiting', 5, null), ticket(3, 'waiting', 4, null), ticket(4, 'waiting', 3, null),
  ]);
  const booking = (code: string, day: string, status: BookingFixture['status']): BookingFixture =>
    ({ service_id: serviceId, day, slot: '08:00', code, full_name: 'Trần Thị Hoa', status });
  await insertBookings(t.db, unitId, [
    booking('BK0001', vnToday(), 'booked'), booking('BK0002', vnToday(), 'booked'), booking('BK0003', vnToday(), 'cancelled'),
    booking('BK0004', dayOffset(1), 'booked'),
  ]);
}

async function seedReviews() {
  await setReviewsOverdue(t.db, unitId, 2); // all reviewed now, then the first two (by id) a day past due
}

beforeAll(async () => {
  t = await startTestApp();
  const unit = await sql<{ id: string; slug: string }>`select id, slug from units where type = 'ward' and slug <> 'chu-van-an' and coalesce((settings->>'enabled')::boolean, true) order by slug limit 1`.execute(t.db);
  ({ id: unitId, slug } = unit.rows[0]!);
  await Promise.all([seedDossiers(), seedFeedback(), seedCentre(), seedReviews()]);
  const [l, v] = await Promise.all([t.createStaff('leader', slug), t.createStaff('department_officer', slug)]);
  [leader, viewer] = await Promise.all([t.login(l.username, l.password), t.login(v.username, v.password)]);
}, 60_000);
afterAll(async () => { await t?.close(); });

const page = async (path: string, s: Session) => {
  const r = await fetch(`${t.url}${path}`, { headers: { cookie: s.cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
};
const tiles = (html: string) => Object.fromEntries([...html.matchAll(/data-tile="([^"]+)"><a href="([^"]+)"><span class="dash-tile__count" data-count="(\d+)"/g)]
  .map((m) => [m[1], { href: m[2]!.replace(/&amp;/g, '&'), count: Number(m[3]) }]));

describe('staff board', () => {
  test('pins every count of a leader’s board', async () => {
    const { status, html } = await page(`/quan-tri/${slug}`, leader);
    expect(status).toBe(200);
    const got = tiles(html);
    expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.count]))).toEqual({
      'dossiers.due_today': 2, 'dossiers.overdue': 1, 'dossiers.awaiting_supplement': 1,
      'feedback.unassigned': 2, 'feedback.due_soon': 1, 'feedback.overdue': 2,
      'centre.waiting': 3, 'centre.bookings': 2,
      'transparency.reviews_overdue': 2,
    });
    // The tickets were made 3–40 minutes ago: in the first 45 minutes of a Vietnam day some fall on yesterday.
    const minutesIntoVnDay = vnDateTimeOf(new Date()).minutes;
    if (minutesIntoVnDay >= 45) expect(html.match(/Hôm nay 4 số đã cấp[^<]*/)?.[0]).toBe('Hôm nay 4 số đã cấp, chờ trung bình 10 phút');
    expect(got['dossiers.overdue']!.href).toBe(`/quan-tri/${slug}/ho-so?han=qua-han`);
  });

  test('each tile opens a list filtered to what it counts', async () => {
    const { html } = await page(`/quan-tri/${slug}`, leader);
    const got = tiles(html);
    const dueToday = (await page(got['dossiers.due_today']!.href, leader)).html;
    expect([...dueToday.matchAll(/D\.T-000001-000\d/g)].map((m) => m[0]).filter((v, i, a) => a.indexOf(v) === i).sort())
      .toEqual(['D.T-000001-0001', 'D.T-000001-0002']);
    const supplement = (await page(got['dossiers.awaiting_supplement']!.href, leader)).html;
    expect(supplement).toContain('D.T-000001-0004');
    expect(supplement).not.toContain('D.T-000001-0001');
    const overdueFb = (await page(got['feedback.overdue']!.href, leader)).html;
    expect(overdueFb).toContain('PA-TEST3');
    expect(overdueFb).toContain('PA-TEST4');
    expect(overdueFb).not.toContain('PA-TEST1');
    const bookings = (await page(got['centre.bookings']!.href, leader)).html;
    expect(bookings).toContain('BK0001');
    expect(bookings).not.toContain('BK0004');
    const reviews = (await page(got['transparency.reviews_overdue']!.href, leader)).html;
    expect(reviews.match(/tag--error/g)?.length).toBe(2);
  });

  test('leaders see this month’s indicators with the trend', async () => {
    const { html } = await page(`/quan-tri/${slug}`, leader);
    const month = lastMonths(new Date(), 6).at(-1)!;
    expect(monthBounds(month).fromDay).toBe(`${month}-01`);
    const trend = (id: string) => html.slice(html.indexOf(`data-trend="${id}"`), html.indexOf('</li>', html.indexOf(`data-trend="${id}"`)));
    expect(trend('dossiers.on_time_rate')).toContain('66.7%');
    expect(trend('dossiers.on_time_rate')).toContain('(2/3)');
    expect(trend('feedback.answered_on_time')).toContain('50%');
    expect(trend('centre.rating_satisfied')).toContain('Chưa có số liệu');
    expect(trend('dossiers.on_time_rate')).toContain('<svg');
  });

  test('an officer without the leader role sees only the tiles of their work, no indicators', async () => {
    const { html } = await page(`/quan-tri/${slug}`, viewer);
    expect(Object.keys(tiles(html)).sort()).toEqual(['dossiers.awaiting_supplement', 'dossiers.due_today', 'dossiers.overdue',
      'feedback.due_soon', 'feedback.overdue', 'feedback.unassigned']);
    expect(html).not.toContain('data-trend=');
  });

  test('/quan-tri/ and /quan-tri/<unit>/ lead to the staff home', async () => {
    const root = await page('/quan-tri/', leader);
    expect(root.status).toBe(303);
    expect(root.location).toBe(`/quan-tri/${slug}`);
    const unitSlash = await page(`/quan-tri/${slug}/`, leader);
    expect(unitSlash.status).toBe(301);
    expect(unitSlash.location).toBe(`/quan-tri/${slug}`);
  });
});
