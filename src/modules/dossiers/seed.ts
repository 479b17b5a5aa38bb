import type { Kysely } from 'kysely';
import type { SeedContext } from '../../core/module.js';
import { addDays, nationalRules, nextWorkingDay, vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { formatDossierCode } from './domain/code.js';
import { computeDue, dueFields } from './domain/deadline.js';
import { procedureChoices } from './domain/procedures.js';
import { timingOf } from './domain/rules.js';

const AGENCY = '000.00.00.H31';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Thanh', 'Hữu'];
const GIVEN = ['Hoa', 'Nam', 'Lan', 'Hùng', 'Mai', 'Tuấn', 'Hương', 'Bình', 'Hạnh', 'Dũng', 'Yến', 'Khoa'];
const OFFICERS = ['Phạm Thu Trang', 'Nguyễn Thị Hằng', 'Lê Văn Tâm'];
const HOURS = 3600_000;

/** Repeatable pseudo-random numbers for the demo (no Math.random: the same demo every time). */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * A few hundred fictional dossiers over the last six months of the demo ward: most on time,
 * some early, some late with an apology (a few of them late apologies), some home service,
 * a handful still open and one due soon; plus the unit's one-stop settings.
 */
export async function seedDemoDossiers({ db, unitId, now }: SeedContext): Promise<void> {
  const random = rng(20260212);
  const rules = nationalRules();
  const cal = rules.calendar;
  const today = vnDateOf(now);
  const procedures = procedureChoices().filter((p) => p.workingDays <= 15);
  await db.insertInto('dossier_settings').values({
    unit_id: unitId, agency_code: AGENCY, collect_place: 'Quầy trả kết quả số 2, Trung tâm Phục vụ hành chính công phường Chu Văn An',
    fast_track_weekday: 3, fast_track_procedures: procedures.filter((p) => p.workingDays <= 2).slice(0, 4).map((p) => p.key),
    leader_name: 'Trần Minh Đức', leader_title: 'Phó Chủ tịch UBND phường',
  }).onConflict((oc) => oc.column('unit_id').doNothing()).execute();
  const sequences = new Map<string, number>();
  const dossiers: Record<string, unknown>[] = [];
  const apologies: Array<{ code: string; issued: Date; newDue: string; late: boolean }> = [];
  for (let i = 0; i < 320; i++) {
    const day = addDays(vnDateOf(now), -Math.floor(random() * 180));
    const receivedAt = new Date(vnInstant(day, 8 * 60).getTime() + Math.floor(random() * 8) * HOURS);
    // Demo timelines never lie in the future: nothing received, decided or returned after `now`.
    if (!cal.isWorkingDay(vnDateOf(receivedAt)) || receivedAt.getTime() + HOURS > now.getTime()) continue;
    const seq = (sequences.get(day) ?? 0) + 1;
    sequences.set(day, seq);
    const p = procedures[Math.floor(random() * procedures.length)];
    const timing = { accepted_at: receivedAt, working_days: p.limit.value, limit_kind: p.limit.kind, procedure_cutoff: p.cutoff, fast_track: false };
    const dueAt = dueFields(computeDue(rules, timing, []));
    const due = dueAt.due_date!;
    const roll = random();
    const planned = roll < 0.25 ? addDays(due, -Math.min(2, p.workingDays)) : roll < 0.9 ? due : nextWorkingDay(cal, nextWorkingDay(cal, due));
    const plannedAt = new Date(Math.max(receivedAt.getTime() + HOURS, vnInstant(planned, 15 * 60).getTime()));
    const open = (due >= today && random() < 0.7) || plannedAt.getTime() + 20 * HOURS > now.getTime();
    const resultDay = open ? null : planned;
    const resultAt = open ? null : plannedAt;
    const late = timingOf(due, resultAt) === 'late';
    const code = formatDossierCode(AGENCY, receivedAt, seq);
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const lateApology = late && i % 4 === 0;
    const issued = lateApology ? new Date(vnInstant(due, 10 * 60).getTime() + 24 * HOURS) : vnInstant(due, 9 * 60);
    if (late) apologies.push({ code, issued: new Date(Math.min(issued.getTime(), resultAt!.getTime())), newDue: resultDay!, late: lateApology });
    dossiers.push({
      unit_id: unitId, receiving_unit_id: unitId, code, procedure_code: p.key, procedure_name: p.name, field: p.field, working_days: p.limit.value,
      limit_kind: p.limit.kind, procedure_cutoff: p.cutoff, due_at: dueAt.due_at, due_confidence: dueAt.due_confidence,
      applicant_name: name, applicant_phone: `0912 000 ${String(100 + (i % 900)).padStart(3, '0')}`, applicant_address: `Tổ dân phố Sao Đỏ ${1 + (i % 12)}, phường Chu Văn An`,
      channel: i % 3 === 0 ? 'online' : i % 17 === 0 ? 'postal' : 'in_person', status: open ? 'processing' : 'returned',
      received_at: receivedAt, accepted_at: receivedAt, due_date: due, result_at: resultAt, returned_at: resultAt ? new Date(resultAt.getTime() + 20 * HOURS) : null,
      officer_name: OFFICERS[i % OFFICERS.length], home_service: i % 23 === 0, apologies: late ? 1 : 0, late_apologies: lateApology ? 1 : 0,
      apology_due_date: late ? resultDay : null, source: 'demo',
    });
  }
  await insertAll(db, dossiers, apologies, sequences, unitId);
}

async function insertAll(db: Kysely<any>, dossiers: Record<string, unknown>[], apologies: Array<{ code: string; issued: Date; newDue: string; late: boolean }>, sequences: Map<string, number>, unitId: string) {
  const rows = await db.insertInto('dossiers').values(dossiers).returning(['id', 'code', 'received_at', 'result_at', 'returned_at', 'officer_name', 'status']).execute();
  await db.insertInto('dossier_codes').values(rows.map((r) => ({ code: r.code, unit_id: unitId, receiving_unit_id: unitId }))).execute();
  const byCode = new Map(rows.map((r) => [r.code as string, r]));
  const event = (r: any, at: Date, action: string, from: string | null, to: string) =>
    ({ unit_id: unitId, receiving_unit_id: unitId, dossier_id: r.id, at, action, from_status: from, to_status: to, officer_name: r.officer_name });
  await db.insertInto('dossier_events').values(rows.flatMap((r) => [
    event(r, r.received_at, 'receive', null, 'received'),
    event(r, new Date(r.received_at.getTime() + HOURS), 'start_processing', 'received', 'processing'),
    ...(r.result_at ? [event(r, r.result_at, 'approve', 'processing', 'approved'), event(r, r.result_at, 'mark_result_ready', 'approved', 'result_ready'), event(r, r.returned_at, 'return', 'result_ready', 'returned')] : []),
  ])).execute();
  if (apologies.length) {
    await db.insertInto('dossier_apologies').values(apologies.map((a) => ({
      unit_id: unitId, receiving_unit_id: unitId, dossier_id: byCode.get(a.code)!.id, number: 1, reason: 'Phải xác minh thông tin với cơ quan khác',
      new_due_date: a.newDue, leader_name: 'Trần Minh Đức', leader_title: 'Phó Chủ tịch UBND phường', issued_at: a.issued, late: a.late, sent_channel: 'desk',
    }))).execute();
  }
  await db.insertInto('dossier_code_sequences').values([...sequences].map(([day, last]) => ({ unit_id: unitId, day, last })))
    .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet((eb) => ({ last: eb.ref('excluded.last') }))).execute();
  await db.insertInto('dossier_home_requests').values([
    { unit_id: unitId, requester_name: 'Bùi Văn Thắng', phone: '0912 000 501', address: 'Số 8 ngõ 3, tổ dân phố Văn An 2', category: 'war_invalid', procedure_name: 'Chứng thực bản sao từ bản chính', status: 'requested' },
    { unit_id: unitId, requester_name: 'Ngô Thị Nhàn', phone: '0912 000 502', address: 'Số 21, tổ dân phố Sao Đỏ 7', category: 'elderly_alone', procedure_name: 'Cấp Giấy xác nhận tình trạng hôn nhân', status: 'scheduled', visit_at: new Date(Date.now() + 24 * HOURS) },
    { unit_id: unitId, requester_name: 'Đặng Văn Lợi', phone: '0912 000 503', address: 'Số 4 ngõ 9, tổ dân phố Văn An 5', category: 'disability', procedure_name: 'Chứng thực chữ ký', status: 'delivered', picked_up_at: new Date(Date.now() - 72 * HOURS), delivered_at: new Date(Date.now() - 24 * HOURS) },
  ]).execute();
}
