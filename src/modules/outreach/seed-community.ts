import type { SeedContext } from '../../core/module.js';
import { vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { occasionsOfYear } from './domain/occasions.js';
import { defaultGreeting } from './greetings.js';

const PEOPLE = [
  ['Công ty TNHH Thương mại Hoa Sen', 'business', 'Số 45 đường Chu Văn An', 'ủng hộ 50 triệu đồng xây dựng nhà văn hóa tổ dân phố Văn An 2', 50_000_000],
  ['Lê Văn Thịnh', 'individual', 'Số 7 ngõ 7, tổ dân phố Sao Đỏ 5', 'hiến 30 m² đất mở rộng ngõ 7', null],
  ['Hòa thượng Thích Minh Tâm', 'reputable', 'Chùa Văn An', 'vận động Phật tử tặng 200 suất quà Tết cho hộ nghèo', 40_000_000],
  ['Hội Doanh nhân trẻ phường', 'organisation', 'Số 2 đường Trần Hưng Đạo', 'tặng 30 suất học bổng cho học sinh vượt khó', 30_000_000],
] as const;

/** Past occasions of the year greeted and published (all but the last one, to leave work to do); contributors and a held meeting. */
export async function seedGreetingsAndContributors(ctx: SeedContext, unit: { id: string; name: string }): Promise<void> {
  const db = ctx.db;
  const today = vnDateOf(ctx.now);
  const past = occasionsOfYear(Number(today.slice(0, 4))).filter((o) => o.date <= today);
  for (const [n, o] of past.entries()) {
    const last = n === past.length - 1;
    const g = await db.insertInto('greetings').values({
      unit_id: unit.id, occasion: o.key, occasion_date: o.date, ...defaultGreeting(o, unit.name), status: last ? 'submitted' : 'published',
      approved_by: last ? null : 'Nguyễn Văn Hùng', approved_at: last ? null : vnInstant(o.date, 8 * 60),
    }).returning('id').executeTakeFirstOrThrow();
    if (last) continue;
    const channels = n % 3 === 0 ? ['website', 'radio', 'fanpage', 'zalo'] : ['website', 'radio'];
    await db.insertInto('greeting_publications').values(channels.map((channel) => ({
      unit_id: unit.id, greeting_id: g.id, channel, published_at: vnInstant(o.date, 6 * 60), published_by: 'Văn phòng HĐND-UBND',
    }))).execute();
  }
  const ids: string[] = [];
  for (const [name, kind, address, what, amount] of PEOPLE) {
    const c = await db.insertInto('contributors').values({ unit_id: unit.id, name, kind, address, phone: null, note: '' }).returning('id').executeTakeFirstOrThrow();
    ids.push(c.id);
    await db.insertInto('contributions').values({ unit_id: unit.id, contributor_id: c.id, contributed_on: today.slice(0, 4) + '-01-20', description: what, amount }).execute();
  }
  const m = await db.insertInto('contributor_meetings').values({
    unit_id: unit.id, year: Number(today.slice(0, 4)), held_on: `${today.slice(0, 4)}-01-25`, place: 'Hội trường UBND phường Chu Văn An',
    notes: 'Chủ tịch UBND phường báo cáo kết quả năm, cảm ơn các nhà hảo tâm; các đại biểu góp ý về chỉnh trang ngõ xóm và quỹ khuyến học.', held: true,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('meeting_invitees').values(ids.map((id, i) => ({ unit_id: unit.id, meeting_id: m.id, contributor_id: id, attended: i !== 1 }))).execute();
}
