import type { SeedContext } from '../../core/module.js';
import { sharpLib } from '../../lib/lazy-modules.js';
import { addDays, parseClock, vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { getWorkCalendar } from '../calendar/index.js';
import { apologisedDossiers, dossiersForLetters, LETTER_PROCEDURES } from '../dossiers/index.js';
import { letterFromDossier } from './from-dossier.js';
import { insertNumberedLetter, type LetterInput } from './letters-service.js';
import { seedGreetingsAndContributors } from './seed-community.js';
import * as repo from './repo-letters.js';
import { SHIFT_TIMES, type Shift } from './domain/volunteers.js';

const HOUR = 3_600_000;

/** A blue hand-drawn-looking signature (fictional), transparent PNG. */
async function demoSignature(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="180"><path d="M20 130 C 60 20, 100 20, 120 110 S 180 160, 210 60 S 280 40, 300 120 L 380 90"
    stroke="#1a3fb0" stroke-width="7" fill="none" stroke-linecap="round"/></svg>`;
  return sharpLib()(Buffer.from(svg)).png().toBuffer();
}

async function seedLetters(ctx: SeedContext, unit: { id: string; name: string }): Promise<void> {
  const db = ctx.db;
  await repo.saveSettings(db, unit.id, {
    signer_name: 'Nguyễn Văn Hùng', signer_title: 'CHỦ TỊCH', signer_authority: 'TM. ỦY BAN NHÂN DÂN',
    signature_png: await demoSignature(), signature_width_mm: 40, signature_height_mm: 18,
  });
  const add = async (i: LetterInput, status: repo.LetterStatus, daysAgo: number) => {
    const at = new Date(ctx.now.getTime() - daysAgo * 24 * HOUR);
    const l = await insertNumberedLetter(db, unit, i, at, 'Dữ liệu mẫu');
    const stamps: Record<string, unknown> = { status, created_at: at };
    if (status !== 'draft') stamps.signed_at = new Date(at.getTime() + 2 * HOUR);
    if (status === 'sent') stamps.sent_at = new Date(at.getTime() + 4 * HOUR);
    if (status === 'handed_over') stamps.handed_over_at = new Date(at.getTime() + 5 * HOUR);
    return repo.updateLetter(db, unit.id, l.id, stamps);
  };
  const marriages = (await dossiersForLetters(db, unit.id, LETTER_PROCEDURES.marriage)).filter((d) => d.returnedAt);
  for (const [n, d] of marriages.slice(0, 3).entries()) await add({ ...letterFromDossier('marriage', d), withSignature: true }, n < 2 ? 'handed_over' : 'signed', 20 - n * 5);
  for (const [n, d] of (await apologisedDossiers(db, unit.id)).slice(0, 3).entries()) await add(letterFromDossier('apology', d), n < 2 ? 'sent' : 'draft', 15 - n * 4);
  const condolence = await add({ kind: 'condolence', recipientName: 'Phạm Thị Lan', gender: 'female', birthYear: 1956, address: 'Số 12 ngõ 4, tổ dân phố Sao Đỏ 3',
    fields: { nguoi_mat: 'cụ ông Phạm Văn Tư', ngay_su_kien: '02/11/2026' }, source: 'residential_group' }, 'handed_over', 30);
  await repo.insertVisit(db, unit.id, { letter_id: condolence.id, kind: 'funeral', visited_on: vnDateOf(new Date(ctx.now.getTime() - 29 * 24 * HOUR)), attendees: 'Chủ tịch UBND phường, Tổ trưởng tổ dân phố Sao Đỏ 3', note: 'Viếng và trao thư chia buồn' });
  await add({ kind: 'condolence', recipientName: 'Đỗ Văn Khánh', gender: 'male', birthYear: 1970, fields: { nguoi_mat: 'cụ bà Nguyễn Thị Hòa', ngay_su_kien: '20/11/2026' } }, 'draft', 3);
  await add({ kind: 'thanks', recipientName: 'Công ty TNHH Thương mại Hoa Sen', honorific: 'Ông/Bà', fields: { noi_dung: 'ủng hộ 50 triệu đồng xây dựng nhà văn hóa tổ dân phố Văn An 2' } }, 'sent', 40);
  await add({ kind: 'thanks', recipientName: 'Lê Văn Thịnh', gender: 'male', birthYear: 1948, fields: { noi_dung: 'hiến 30 m² đất mở rộng ngõ 7 tổ dân phố Sao Đỏ 5' } }, 'handed_over', 60);
  const initiatives = [
    { title: 'Tủ sách cộng đồng tại nhà văn hóa', citizen_name: 'Vũ Thị Ngọc', description: 'Vận động quyên góp hơn 600 đầu sách, mở tủ sách miễn phí cho thiếu nhi', recognised_on: vnDateOf(new Date(ctx.now.getTime() - 50 * 24 * HOUR)) },
    { title: 'Nhóm Zalo nhắc lịch tiêm chủng', citizen_name: 'Hoàng Văn Đạt', description: 'Lập nhóm Zalo nhắc lịch tiêm chủng cho 120 hộ có trẻ nhỏ', recognised_on: vnDateOf(new Date(ctx.now.getTime() - 10 * 24 * HOUR)) },
  ];
  for (const [n, i] of initiatives.entries()) {
    const row = await repo.insertInitiative(db, unit.id, i);
    if (n === 0) await add({ kind: 'commendation', recipientName: i.citizen_name, gender: 'female', birthYear: 1985, source: 'initiative', sourceRef: row.id, fields: { sang_kien: i.title, noi_dung: i.description } }, 'handed_over', 45);
  }
}

const VOLUNTEERS = [
  ['Trần Thu Hà', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', '0912000701'], ['Ngô Minh Quân', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', '0912000702'],
  ['Bùi Thị Hằng', 'Hội Liên hiệp Phụ nữ', '0912000703'], ['Lý Văn Sơn', 'Hội Cựu chiến binh', '0912000704'], ['Đinh Thị Mai', 'Hội Người cao tuổi', '0912000705'],
] as const;

/** Check-in at the start of the shift (Vietnam time) and out 3 h later; past working days only. */
async function seedVolunteers(ctx: SeedContext, unitId: string): Promise<void> {
  const cal = await getWorkCalendar(ctx.db, unitId);
  const today = vnDateOf(ctx.now);
  const rows: Record<string, unknown>[] = [];
  let k = 0;
  for (let d = addDays(today, -45); d <= addDays(today, 10); d = addDays(d, 1)) {
    if (!cal.isWorkingDay(d) || d === today) continue;
    k++;
    if (d < today && k % 4 === 0) continue; // some days without a volunteer
    const shift: Shift = k % 2 ? 'morning' : 'afternoon';
    for (const [name, organisation, phone] of [VOLUNTEERS[k % VOLUNTEERS.length], VOLUNTEERS[(k + 2) % VOLUNTEERS.length]]) {
      const start = vnInstant(d, parseClock(SHIFT_TIMES[shift].start)!);
      rows.push({ unit_id: unitId, day: d, shift, name, organisation, phone,
        checked_in_at: d < today ? start : null, checked_out_at: d < today ? new Date(start.getTime() + 3 * HOUR) : null });
    }
  }
  if (rows.length) await ctx.db.insertInto('volunteer_signups').values(rows).execute();
}

export async function seedOutreachDemo(ctx: SeedContext): Promise<void> {
  const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', ctx.unitId).executeTakeFirstOrThrow();
  await seedLetters(ctx, unit as { id: string; name: string });
  await seedVolunteers(ctx, ctx.unitId);
  await seedGreetingsAndContributors(ctx, unit as { id: string; name: string });
}
