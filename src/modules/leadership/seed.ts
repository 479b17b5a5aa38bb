/** Demo data for the demo ward (fictional people and phone numbers). */
import { sql, type Kysely } from 'kysely';
import { createUser } from '../../core/auth/accounts.js';
import type { SeedContext } from '../../core/module.js';
import { DEMO_PASSWORD } from '../../core/seed/demo-ward.js';
import { addDays, isoWeekOf, vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { applyTransition, createCase, getCase, type NewCase } from './cases.js';
import { captureConductReport } from './conduct.js';
import { insertIdentity } from './confidentiality.js';
import { finishedWeeks } from './weeks.js';
import { unitCalendar } from './work-calendar.js';

const ACTIVITIES = ['Ra quân dọn vệ sinh ngõ xóm', 'Dự họp tổ dân phố', 'Trồng và chăm sóc cây xanh', 'Dự sinh hoạt chi hội người cao tuổi'];
const RAISED = ['Đề nghị sửa đèn chiếu sáng ngõ 12', 'Rác thải tập kết sai giờ ở đầu ngõ', 'Cống thoát nước bị tắc khi mưa to'];

async function ensureUser(db: Kysely<any>, unitId: string, username: string, displayName: string, title: string, dept: string): Promise<string> {
  const found = await sql<{ id: string }>`select id from users where username = ${username}`.execute(db);
  if (found.rows.length) return found.rows[0].id;
  const d = await sql<{ id: string }>`select id from departments where unit_id = ${unitId} and code = ${dept}`.execute(db);
  return createUser(db, { unitId, username, displayName, roles: ['leader'], password: DEMO_PASSWORD, title, departmentId: d.rows[0]?.id });
}

export async function seedLeadershipDemo(ctx: SeedContext): Promise<void> {
  const { db, unitId } = ctx;
  const today = vnDateOf(ctx.now);
  const users = new Map((await sql<{ id: string; username: string; display_name: string }>`select id, username, display_name from users where unit_id = ${unitId}`
    .execute(db)).rows.map((u) => [u.username, u]));
  if (!users.has('lanhdao')) return; // demo accounts are off: nothing to attach the records to
  const head = await ensureUser(db, unitId, 'chutich', 'Nguyễn Thị Thanh Hương', 'Chủ tịch UBND phường', 'VP');
  const manager = await ensureUser(db, unitId, 'truongphong', 'Đặng Quốc Việt', 'Phó Trưởng phòng Kinh tế, Hạ tầng và Đô thị', 'KT');
  const deputy = users.get('lanhdao')!.id;
  await db.insertInto('leadership_settings').values({ unit_id: unitId, head_user_id: head, uniform_days: 'Thứ Hai và thứ Sáu hằng tuần' })
    .onConflict((oc) => oc.column('unit_id').doNothing()).execute();
  await seedVisits(db, unitId, today, [[deputy, 'Trần Minh Đức'], [head, 'Nguyễn Thị Thanh Hương'], [manager, 'Đặng Quốc Việt']]);
  await seedReception(db, unitId, today, head, deputy);
  await seedCases(db, unitId, today, head, deputy, users.get('motcua')?.id ?? null);
  await seedOfficials(db, unitId, today, [...users.values()].map((u) => u.id).concat(head, manager));
}

async function seedVisits(db: Kysely<any>, unitId: string, today: string, leaders: [string, string][]) {
  const groups = (await sql<{ id: string }>`select id from residential_groups where unit_id = ${unitId} order by code`.execute(db)).rows;
  if (!groups.length) return;
  const thisMonday = isoWeekOf(today).monday;
  const weeks = finishedWeeks(Number(today.slice(0, 4)), today);
  for (const [w, monday] of weeks.entries()) {
    if (w === weeks.length - 6 || w === weeks.length - 13) continue; // two missed weeks show on the compliance view
    const held = addDays(monday, 5); // Saturdays: "Ngày thứ 7 cùng dân"
    const [id, name] = leaders[w % leaders.length];
    const v = await db.insertInto('leadership_visits').values({ unit_id: unitId, group_id: groups[(w * 5) % groups.length].id, planned_on: held, held_on: held,
      status: 'held', activity: ACTIVITIES[w % ACTIVITIES.length], leader_ids: [id], leader_names: name }).returning('id').executeTakeFirstOrThrow();
    if (w % 3 === 0) await db.insertInto('leadership_visit_items').values({ unit_id: unitId, visit_id: v.id, content: RAISED[w % RAISED.length] }).execute();
  }
  await db.insertInto('leadership_visits').values({ unit_id: unitId, group_id: groups[3].id, planned_on: addDays(thisMonday, 5),
    activity: 'Dự họp cộng đồng dân cư về quy ước tổ dân phố' }).execute();
}

async function seedReception(db: Kysely<any>, unitId: string, today: string, head: string, deputy: string) {
  const session = async (kind: string, heldOn: string, host: string, hostName: string, title: string, topic: string | null = null) =>
    (await db.insertInto('leadership_receptions').values({ unit_id: unitId, kind, held_on: heldOn, host_user_id: host, host_name: hostName, host_title: title,
      place: 'Phòng tiếp công dân, trụ sở UBND phường', topic }).returning('id').executeTakeFirstOrThrow()).id as string;
  const year = Number(today.slice(0, 4));
  for (let m = 1; m <= Number(today.slice(5, 7)); m++) {
    if (m === 4) continue; // one month without the head's session
    const day = `${year}-${String(m).padStart(2, '0')}-15`;
    if (day <= today) await session('head_monthly', day, head, 'Nguyễn Thị Thanh Hương', 'Chủ tịch UBND phường');
  }
  // The chairman's weekly reception (Thursdays); three weeks the deputy stood in, which the legal check shows.
  for (const [w, monday] of finishedWeeks(year, today).entries()) {
    const stoodIn = w % 15 === 7;
    await session('regular', addDays(monday, 3), stoodIn ? deputy : head, stoodIn ? 'Trần Minh Đức' : 'Nguyễn Thị Thanh Hương',
      stoodIn ? 'Phó Chủ tịch UBND phường' : 'Chủ tịch UBND phường');
  }
  const adHoc = await session('ad_hoc', addDays(today, -10), head, 'Nguyễn Thị Thanh Hương', 'Chủ tịch UBND phường', 'Đối thoại về tiếng ồn công trình ngõ 42');
  const entries: [string, number, string, string, string][] = [
    ['Phạm Văn Lực', 6, 'Tiếng ồn công trình xây dựng ban đêm tại ngõ 42', 'petition', 'Yêu cầu chủ đầu tư dừng thi công sau 22 giờ; kiểm tra lại sau 1 tuần'],
    ['Lê Thị Oanh', 1, 'Khiếu nại quyết định xử phạt vi phạm trật tự đô thị', 'complaint', 'Nhận đơn, chuyển bộ phận tham mưu thụ lý'],
    ['Nguyễn Hữu Tâm', 1, 'Tố cáo cán bộ địa chính gây phiền hà khi đo đạc', 'denunciation', 'Nhận đơn, chuyển Chủ tịch xem xét thụ lý'],
  ];
  for (const [i, [name, people, matter, cls, handling]] of entries.entries()) {
    const e = await db.insertInto('leadership_reception_entries').values({ unit_id: unitId, session_id: adHoc, seq: i + 1, people, matter,
      classification: cls, handling }).returning('id').executeTakeFirstOrThrow();
    await insertIdentity(db, unitId, 'reception_entry', e.id, { name, phone: `0987 654 ${300 + i}`, email: null, address: 'Phường Chu Văn An', id_number: null });
  }
}

async function seedCases(db: Kysely<any>, unitId: string, today: string, head: string, deputy: string, officer: string | null) {
  const cal = await unitCalendar(db, unitId);
  const make = async (c: Omit<NewCase, 'source' | 'complex'> & { complex?: boolean }, steps: (id: string) => Promise<void>) => {
    const r = await createCase(db, unitId, cal, { source: 'direct', complex: false, ...c }, today);
    if (r.ok) await steps(r.id);
  };
  const step = async (id: string, t: Parameters<typeof applyTransition>[2]) => {
    const c = await getCase(db, id);
    if (c) await applyTransition(db, c, t, 'Trần Minh Đức', today);
  };
  const person = (name: string, n: number) => ({ name, phone: `0912 555 ${100 + n}`, email: null, address: 'Tổ dân phố Sao Đỏ 3', id_number: null });
  await make({ kind: 'complaint', matter: 'Khiếu nại quyết định thu hồi giấy phép kinh doanh hộ cá thể', receivedOn: addDays(today, -70),
    decisionKnownOn: addDays(today, -90), handlerId: deputy, concernedOfficialId: null, parties: [person('Trịnh Văn Hùng', 1)] }, async (id) => {
    await step(id, { action: 'accept', on: addDays(today, -65), decisionNo: '12/QĐ-UBND' });
    await step(id, { action: 'resolve', on: addDays(today, -40), outcome: 'Giữ nguyên quyết định; đã giải thích cho người khiếu nại.', decisionNo: '25/QĐ-UBND' });
  });
  await make({ kind: 'complaint', matter: 'Khiếu nại việc xác nhận ranh giới thửa đất', receivedOn: addDays(today, -20),
    decisionKnownOn: addDays(today, -30), handlerId: deputy, concernedOfficialId: null, parties: [person('Mai Thị Hoa', 2), person('Mai Văn Bình', 3)] },
  async (id) => { await step(id, { action: 'accept', on: addDays(today, -15), decisionNo: '31/QĐ-UBND' }); });
  await make({ kind: 'denunciation', matter: 'Tố cáo cán bộ một cửa nhận tiền ngoài quy định khi làm thủ tục', receivedOn: addDays(today, -3),
    decisionKnownOn: null, handlerId: head, concernedOfficialId: officer, parties: [person('Vũ Thị Ngân', 4)] }, async () => undefined);
  await make({ kind: 'complaint', matter: 'Khiếu nại kết quả bình xét hộ cận nghèo', receivedOn: addDays(today, -200),
    decisionKnownOn: addDays(today, -230), handlerId: deputy, concernedOfficialId: null, parties: [person('Đỗ Văn Khang', 5)] }, async (id) => {
    await step(id, { action: 'accept', on: addDays(today, -195), decisionNo: '05/QĐ-UBND' });
    await step(id, { action: 'resolve', on: addDays(today, -150), outcome: 'Công nhận một phần khiếu nại; bình xét lại.', decisionNo: '09/QĐ-UBND' });
    await step(id, { action: 'escalate', note: 'Người khiếu nại khiếu nại lần hai lên UBND thành phố' });
  });
  await captureConductReport(db, { unitId, feedbackId: null, code: null,
    content: 'Cán bộ tiếp nhận hồ sơ ở quầy số 2 nói chuyện thiếu tôn trọng, bắt tôi chờ lâu không giải thích.',
    receivedAt: vnInstant(addDays(today, -2), 9 * 60 + 30),
    sender: { name: 'Ngô Thị Bích', phone: '0903 111 222', email: null, handle: null } });
}

async function seedOfficials(db: Kysely<any>, unitId: string, today: string, ids: string[]) {
  const year = today.slice(0, 4);
  for (const [i, id] of ids.entries()) {
    await db.insertInto('leadership_profiles').values({ unit_id: unitId, user_id: id, badge_no: `CVA-${String(i + 1).padStart(3, '0')}`,
      duties: 'Tiếp nhận, hướng dẫn và giải quyết công việc của người dân', phone: `0225 3822 ${String(100 + i)}` })
      .onConflict((oc) => oc.doNothing()).execute();
    if (i % 3 !== 2) {
      await db.insertInto('leadership_trainings').values({ unit_id: unitId, user_id: id, topic: ['it', 'language', 'communication'][i % 3],
        title: ['Kỹ năng số cho cán bộ, công chức', 'Tiếng Anh giao tiếp cơ bản', 'Kỹ năng giao tiếp, ứng xử với người dân'][i % 3],
        completed_on: `${year}-0${(i % 8) + 1}-20` <= today ? `${year}-0${(i % 8) + 1}-20` : today }).execute();
    }
  }
  await db.insertInto('leadership_discipline').values({ unit_id: unitId, user_id: ids[3 % ids.length], kind: 'violation', reason: 'uniform',
    occurred_on: addDays(today, -45), penalty: 'Nhắc nhở trong cuộc họp cơ quan' }).execute();
}
