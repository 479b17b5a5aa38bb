import type { Kysely } from 'kysely';
import { isoWeekAt, shiftWeek, vnWallInstant } from '../../../lib/vn-calendar/index.js';

type Slot = [dayIndex: number, start: string, end: string, owner: 'committee' | 'chairman', title: string, place: string, chair: string, participants: string];

const WEEK: Slot[] = [
  [0, '07:30', '09:00', 'committee', 'Giao ban Thường trực UBND phường đầu tuần', 'Phòng họp tầng 2', 'Chủ tịch UBND phường', 'Các Phó Chủ tịch, Chánh Văn phòng, Trưởng các phòng'],
  [0, '14:00', '16:30', 'chairman', 'Làm việc với Trung tâm Phục vụ hành chính công về hồ sơ trễ hạn', 'Trung tâm Phục vụ hành chính công', 'Chủ tịch UBND phường', 'Giám đốc Trung tâm, công chức một cửa'],
  [1, '08:00', '11:00', 'committee', 'Kiểm tra công tác vệ sinh môi trường tại các tổ dân phố', 'Tổ dân phố số 3, số 7', 'Phó Chủ tịch UBND phường Trần Minh Đức', 'Phòng Kinh tế, Hạ tầng và Đô thị; Tổ trưởng tổ dân phố'],
  [1, '14:00', '17:00', 'chairman', 'Dự họp trực tuyến với UBND thành phố về chuyển đổi số', 'Phòng họp trực tuyến', 'UBND thành phố', 'Chủ tịch, Phó Chủ tịch Vũ Thị Mai Anh'],
  [2, '08:00', '10:30', 'committee', 'Họp Hội đồng bồi thường, hỗ trợ, tái định cư dự án mở rộng đường Lê Lợi (nối dài)', 'Phòng họp tầng 2', 'Phó Chủ tịch UBND phường Trần Minh Đức', 'Hội đồng bồi thường; đại diện các hộ dân'],
  [2, '14:00', '16:00', 'chairman', 'Đối thoại với Nhân dân tổ dân phố số 5', 'Nhà văn hóa tổ dân phố số 5', 'Chủ tịch UBND phường', 'Ủy ban MTTQ phường, Tổ trưởng tổ dân phố'],
  [3, '07:30', '11:30', 'chairman', 'Tiếp công dân định kỳ', 'Phòng tiếp công dân, trụ sở UBND phường', 'Chủ tịch UBND phường', 'Công chức tiếp công dân, Phòng Kinh tế, Hạ tầng và Đô thị'],
  [3, '14:00', '16:30', 'committee', 'Họp UBND phường thường kỳ tháng', 'Phòng họp tầng 2', 'Chủ tịch UBND phường', 'Thành viên UBND phường; mời Thường trực HĐND, MTTQ'],
  [4, '08:00', '10:00', 'committee', 'Rà soát nội dung công khai tại Trung tâm Phục vụ hành chính công', 'Trung tâm Phục vụ hành chính công', 'Phó Chủ tịch UBND phường Vũ Thị Mai Anh', 'Văn phòng, Phòng Văn hóa - Xã hội'],
  [4, '14:00', '16:00', 'chairman', 'Làm việc tại trụ sở, xử lý công việc thường xuyên', 'Trụ sở UBND phường', 'Chủ tịch UBND phường', ''],
];

/** Two weeks of events: the week of `now` and the next, so the demo always shows a full calendar. */
export async function seedCalendar(db: Kysely<any>, unitId: string, now: Date): Promise<void> {
  const thisWeek = isoWeekAt(now);
  const rows = [thisWeek, shiftWeek(thisWeek, 1)].flatMap((week) => WEEK.map(([day, start, end, owner, title, place, chair, participants]) => {
    const [y, m, d] = week.days[day].split('-').map(Number);
    const [sh, sm] = start.split(':').map(Number);
    const [eh, em] = end.split(':').map(Number);
    return { unit_id: unitId, owner, title, place, chair, participants, starts_at: vnWallInstant(y, m, d, sh, sm), ends_at: vnWallInstant(y, m, d, eh, em) };
  }));
  await db.insertInto('calendar_events').values(rows).execute();
}
