/** Demo data of the demo ward: ~40 items across categories, states and channels; intake registers. */
import type { SeedContext } from '../../core/module.js';
import { withUnit } from '../../core/tenancy.js';
import { ORGANISATIONS } from './categories.js';
import { addDays, isoWeekOf, lastWeeks, mondayOf, nationalRules, vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { feedbackDueDay } from './deadlines.js';
import { listResidentialGroups } from './org.js';
import { BOARD_REPLY_FALLBACK, DEMO_ITEMS, type DemoItem } from './seed-data.js';
import { newTrackingCode } from './tracking-code.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';
import { DEFAULT_CATEGORY_RULES } from './categories.js';
import { roundPublic } from './policy.js';

const STEPS: Record<DemoItem['stage'], string[]> = {
  received: [], classified: ['classify'], assigned: ['classify', 'assign'], in_progress: ['classify', 'assign', 'start'],
  answered: ['classify', 'assign', 'start', 'answer'], closed: ['classify', 'assign', 'start', 'answer', 'close'], rejected: ['reject'],
};
const TO: Record<string, string> = { classify: 'classified', assign: 'assigned', start: 'in_progress', answer: 'answered', close: 'closed', reject: 'rejected' };

/** Deterministic pseudo-random numbers so the demo is the same on every install. */
function rng(seed: number) {
  let s = seed;
  return (max: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % max; };
}

const at = (day: string, hour: number) => vnInstant(day, hour * 60);

async function seedItem(trx: FeedbackTrx, unitId: string, item: DemoItem, today: string, random: (n: number) => number) {
  const receivedDay = addDays(today, -item.ageDays);
  const due = feedbackDueDay(nationalRules(), at(receivedDay, 9), DEFAULT_CATEGORY_RULES[item.category].deadlineDays);
  const steps = STEPS[item.stage];
  const finalDay = item.late ? addDays(due, 2) : receivedDay < due ? addDays(receivedDay, Math.min(3, item.ageDays)) : receivedDay;
  const answerDay = finalDay > today ? today : finalDay;
  const code = newTrackingCode(Number(receivedDay.slice(0, 4)), random);
  const answered = steps.includes('answer') || steps.includes('reject');
  const row = await trx.insertInto('feedback').values({
    unit_id: unitId, code, category: item.category, channel: item.channel, status: steps.length ? TO[steps[steps.length - 1]] : 'received',
    content: item.content, sender_name: item.sender?.name ?? null, sender_phone: item.sender?.phone ?? null, sender_email: item.sender?.email ?? null,
    sender_handle: item.channel === 'zalo' || item.channel === 'facebook' ? `demo-${random(1e6)}` : item.sender?.phone ?? null,
    address: item.address ?? null, box_location: item.box ?? null, lat: item.point?.[0] ?? null, lng: item.point?.[1] ?? null, intake_id: null, dedupe_key: null,
    received_at: at(receivedDay, 9), due_date: due, department_code: item.dept ?? null, assignee_id: null, concerned_official_id: null,
    public_reply: item.reply ?? null, answered_at: answered ? at(answerDay, 15) : null, closed_at: steps.includes('close') ? at(answerDay, 16) : null,
    rating: item.rating ?? null, rating_comment: null, rated_at: item.rating ? at(answerDay, 20) : null,
    published: !!item.summary && item.category !== 'conduct', public_summary: item.summary ?? null,
    board_reply: item.summary ? item.boardReply ?? BOARD_REPLY_FALLBACK : null, merged_into: null, reminded_on: null,
    public_place: item.place ?? null, public_lat: item.point ? roundPublic(item.point[0]) : null, public_lng: item.point ? roundPublic(item.point[1]) : null,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('feedback_codes').values({ code, unit_id: unitId }).execute();
  let from = 'received';
  for (const [n, action] of steps.entries()) {
    const day = action === 'answer' || action === 'close' || action === 'reject' ? answerDay : addDays(receivedDay, Math.min(n, item.ageDays));
    await trx.insertInto('feedback_events').values({
      unit_id: unitId, feedback_id: row.id, action, from_status: from, to_status: TO[action],
      note: action === 'reject' ? item.reply ?? null : null, is_public: action === 'reject', actor_id: null, at: at(day, 10 + n),
    }).execute();
    from = TO[action];
  }
}

async function seedIntakes(trx: FeedbackTrx, unitId: string, today: string) {
  const groups = [
    ...ORGANISATIONS.map((code) => ({ kind: 'organisation', code, name: code })),
    ...(await listResidentialGroups(trx)).map((g) => ({ kind: 'residential_group', code: g.code, name: g.name })),
  ];
  const weeks = lastWeeks(today, 8).slice(0, 7); // the current week is still open
  for (const [gi, g] of groups.entries()) {
    for (const [wi, w] of weeks.entries()) {
      if ((gi * 7 + wi * 3) % 11 === 0) continue; // a few missed weeks
      const met = addDays(mondayOf(w), 2 + (gi % 3));
      const none = (gi + wi) % 4 === 0;
      await trx.insertInto('feedback_intakes').values({
        unit_id: unitId, iso_year: w.year, iso_week: w.week, group_kind: g.kind, group_code: g.code,
        group_name: g.kind === 'organisation' ? g.code : g.name, met_on: isoWeekOf(met).week === w.week ? met : null,
        no_new_items: none, items_count: none ? 0 : 1 + ((gi + wi) % 3), notes: null, recorded_by: null,
      }).execute();
    }
  }
}

export async function seedFeedbackDemo(ctx: SeedContext): Promise<void> {
  const today = vnDateOf(ctx.now);
  const random = rng(20261125);
  await withUnit(ctx.db, ctx.unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    for (const item of DEMO_ITEMS) await seedItem(trx, ctx.unitId, item, today, random);
    await trx.insertInto('feedback_departments').values([
      { unit_id: ctx.unitId, code: 'KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', head_name: 'Nguyễn Văn Hải', head_email: 'kinhte.chuvanan@example.vn' },
      { unit_id: ctx.unitId, code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', head_name: 'Trần Thị Mai', head_email: 'vanhoa.chuvanan@example.vn' },
      { unit_id: ctx.unitId, code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công', head_name: 'Lê Văn Bình', head_email: 'motcua.chuvanan@example.vn' },
      { unit_id: ctx.unitId, code: 'VP', name: 'Văn phòng HĐND và UBND phường', head_name: 'Phạm Thị Lụa', head_email: 'vanphong.chuvanan@example.vn' },
    ]).onConflict((oc) => oc.doNothing()).execute();
    await trx.insertInto('feedback_settings').values({ unit_id: ctx.unitId, chairman_name: 'Hoàng Văn Toàn', chairman_email: 'chutich.chuvanan@example.vn' })
      .onConflict((oc) => oc.doNothing()).execute();
    await seedIntakes(trx, ctx.unitId, today);
  });
}
