import { sql } from 'kysely';
import type { SeedContext } from '../../core/module.js';
import { householdKey } from './households/import.js';
import { addDays, vnDateOf } from '../../lib/vn-calendar/index.js';

/** Fictional households, polls and announcements of the demo ward (no real people or phones). */
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quỳnh', 'Sơn', 'Tâm'];
const PER_GROUP = 12;
const day = 86400_000;

const name = (g: number,
  i: number) => `${SURNAMES[(g + i) % SURNAMES.length]} ${MIDDLE[(g * 3 + i) % MIDDLE.length]} ${GIVEN[(g * 5 + i * 7) % GIVEN.length]}`;

async function seedHouseholds(ctx: SeedContext, groups: { id: string; code: string }[]) {
  const byGroup: Record<string, string[]> = {};
  for (const [gi, grp] of groups.entries()) {
    for (let i = 0; i < PER_GROUP; i++) {
      const head = name(gi, i);
      const address = `Số ${i * 2 + 1} ngõ ${gi + 3} phố Chu Văn An`;
      // Roughly half the households use the city app: some self-declared, some confirmed by the head.
      const app = (gi + i) % 5 === 0 ? 'confirmed' : (gi + i) % 3 === 0 ? 'declared' : 'none';
      const since = app === 'none' ? null : addDays(vnDateOf(ctx.now), -((gi * 7 + i * 3) % 200));
      const phone = `098${String(gi + 1).padStart(2, '0')}${String(i + 1).padStart(2, '0')}${String(gi * 3 + i).padStart(3, '0')}`.slice(0, 10);
      const { rows } = await sql<{ id: string }>`insert into community_households (unit_id, group_id, head_name, address, phone, dedupe_key, app_status, app_since)
        values (${ctx.unitId}, ${grp.id}, ${head}, ${address}, ${phone}, ${householdKey(grp.id, head, address)}, ${app}, ${since})
        on conflict (unit_id, dedupe_key) do update set head_name = excluded.head_name returning id`.execute(ctx.db);
      const spouse = `${SURNAMES[(gi + i + 5) % SURNAMES.length]} Thị ${GIVEN[(gi + i * 3) % GIVEN.length]}`;
      for (const [p, member] of [head, spouse,
        `${head.split(' ')[0]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i + 9) % GIVEN.length]}`].entries()) {
        await sql`insert into community_members (unit_id, household_id, position, full_name, is_head) values (${ctx.unitId}, ${rows[0].id}, ${p}, ${member}, ${p === 0})`.execute(ctx.db);
      }
      (byGroup[grp.id] ??= []).push(rows[0].id);
    }
    for (const [org, leader] of [['women', `${SURNAMES[gi % 12]} Thị ${GIVEN[(gi + 2) % 16]}`], ['veterans',
      `${SURNAMES[(gi + 4) % 12]} Văn ${GIVEN[(gi + 6) % 16]}`]]) {
      await sql`insert into community_branches (unit_id, group_id, organisation, leader_name) values (${ctx.unitId}, ${grp.id}, ${org}, ${leader})
        on conflict do nothing`.execute(ctx.db);
    }
  }
  return byGroup;
}

async function seedPoll(ctx: SeedContext,
  p: { code: string; title: string; description: string; matter: string; groupId: string | null; secret: boolean;
  opens: Date; closes: Date; status: string; published: boolean; options: string[]; votes: { household: string; group: string; option: number; channel: string }[]; eligible: number | null }) {
  const law = p.matter === 'consultation' ? { q: 0, base: 'cast' } : { q: 50, base: 'eligible' };
  const { rows: [poll] } = await sql<{ id: string }>`insert into community_polls (unit_id, code, title, description, matter, group_id, basis, secret, opens_at, closes_at,
      quorum_percent, threshold_percent, threshold_base, status, eligible_at_close, results_published_at)
    values (${ctx.unitId}, ${p.code}, ${p.title}, ${p.description}, ${p.matter}, ${p.groupId}, 'household', ${p.secret},
      ${p.opens}, ${p.closes},
      ${law.q}, 50, ${law.base}, ${p.status}, ${p.eligible}, ${p.published ? p.closes : null}) returning id`.execute(ctx.db);
  await sql`insert into community_poll_units (poll_id, unit_id) values (${poll.id}, ${ctx.unitId})`.execute(ctx.db);
  const optionIds: string[] = [];
  for (const [i, label] of p.options.entries()) {
    const { rows } = await sql<{ id: string }>`insert into community_poll_options (unit_id, poll_id, position, label) values (${ctx.unitId}, ${poll.id}, ${i + 1}, ${label}) returning id`.execute(ctx.db);
    optionIds.push(rows[0].id);
  }
  for (const v of p.votes) {
    const at = new Date(p.opens.getTime() + day / 2);
    await sql`insert into community_poll_participation (unit_id, poll_id, voter_id, household_id, group_id, channel, voted_at)
      values (${ctx.unitId}, ${poll.id}, ${v.household}, ${v.household}, ${v.group}, ${v.channel}, ${at})`.execute(ctx.db);
    await sql`insert into community_poll_ballots (unit_id, poll_id, option_id, group_id, channel, voter_id)
      values (${ctx.unitId}, ${poll.id}, ${optionIds[v.option]}, ${v.group}, ${v.channel}, ${p.secret ? null : v.household})`.execute(ctx.db);
  }
}

async function seedBroadcasts(ctx: SeedContext, groups: { id: string }[]) {
  const items = [
    { title: 'Lịch tiêm chủng mở rộng tháng này',
      body: 'Trạm Y tế phường tổ chức tiêm chủng mở rộng cho trẻ dưới 5 tuổi vào sáng thứ Bảy tại Nhà văn hóa tổ dân phố Sao Đỏ 1. Phụ huynh mang theo sổ tiêm chủng.', ago: 3, radio: [0, 1] },
    { title: 'Ra quân tổng vệ sinh môi trường',
      body: 'Sáng Chủ nhật, các tổ dân phố ra quân tổng vệ sinh đường phố, ngõ xóm. Mỗi hộ cử ít nhất một người tham gia.', ago: 10, radio: [] as number[] },
  ];
  for (const b of items) {
    const at = new Date(ctx.now.getTime() - b.ago * day);
    const { rows: [row] } = await sql<{ id: string }>`insert into community_broadcasts (unit_id, title, body, radio_script, social_text, created_at)
      values (${ctx.unitId}, ${b.title}, ${b.body}, ${`Thông báo của Ủy ban nhân dân phường Chu Văn An. ${b.title}. ${b.body}`}, ${`📢 ${b.title}\n\n${b.body}`}, ${at}) returning id`.execute(ctx.db);
    const pubs: [string, string | null][] = [['website', null], ['fanpage', null], ['zalo', null],
      ...(b.radio.length ? b.radio.map((i) => ['radio', groups[i].id] as [string, string]) : [['radio', null] as [string, null]])];
    for (const [channel, group] of pubs) {
      await sql`insert into community_broadcast_publications (unit_id, broadcast_id, channel, group_id, published_at)
        values (${ctx.unitId}, ${row.id}, ${channel}, ${group}, ${at})`.execute(ctx.db);
    }
  }
}

export async function seedDemo(ctx: SeedContext): Promise<void> {
  const { rows: groups } = await sql<{ id: string; code: string }>`select id, code from residential_groups where unit_id = ${ctx.unitId} order by code`.execute(ctx.db);
  if (!groups.length) return;
  const hh = await seedHouseholds(ctx, groups);
  const [g1, g2] = [groups[0].id, groups[1].id];
  const now = ctx.now.getTime();
  await seedPoll(ctx, { code: 'langngo12', title: 'Đóng góp kinh phí lát lại ngõ 3 phố Chu Văn An', matter: 'contribution',
    groupId: g1, secret: false,
    description: 'Dự toán 120.000.000 đ; Nhà nước hỗ trợ 50%, mỗi hộ đóng góp 5.000.000 đ, hộ khó khăn được miễn.',
    opens: new Date(now - 20 * day), closes: new Date(now - 10 * day), status: 'closed', published: true, eligible: PER_GROUP,
    options: ['Đồng ý', 'Không đồng ý'], votes: hh[g1].slice(0, 9).map((h, i) => ({ household: h, group: g1,
      option: i === 4 ? 1 : 0, channel: i < 6 ? 'web' : 'paper' })) });
  await seedPoll(ctx, { code: 'bauto2', title: 'Bầu Tổ trưởng tổ dân phố Sao Đỏ 2 nhiệm kỳ 2026–2028', matter: 'head_election',
    groupId: g2, secret: true,
    description: 'Hội nghị cử tri giới thiệu hai ứng cử viên. Bỏ phiếu kín: mỗi hộ một phiếu.',
    opens: new Date(now - day), closes: new Date(now + 6 * day), status: 'open', published: false, eligible: null,
    options: ['Ông Trần Văn Hòa', 'Bà Lê Thị Thanh'], votes: hh[g2].slice(0, 4).map((h, i) => ({ household: h, group: g2,
      option: i % 2, channel: 'web' })) });
  await seedPoll(ctx, { code: 'nhavanhoa', title: 'Lấy ý kiến về giờ mở cửa nhà văn hóa các tổ dân phố', matter: 'consultation',
    groupId: null, secret: false,
    description: 'Phường đề xuất mở cửa nhà văn hóa buổi tối các ngày trong tuần để sinh hoạt văn nghệ, thể thao.',
    opens: new Date(now - 2 * day), closes: new Date(now + 12 * day), status: 'open', published: false, eligible: null,
    options: ['17:00–21:00 hằng ngày', '18:00–22:00 từ thứ Sáu đến Chủ nhật'],
    votes: groups.slice(2, 5).flatMap((g) => hh[g.id].slice(0, 3).map((h, i) => ({ household: h, group: g.id,
      option: i === 0 ? 1 : 0, channel: i === 2 ? 'paper' : 'web' }))) });
  await seedBroadcasts(ctx, groups);
}
