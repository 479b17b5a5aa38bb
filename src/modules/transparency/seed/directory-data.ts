import type { DirectoryInput } from '../repo-directory.js';

/**
 * Demo directory of phường Chu Văn An. The People's Committee chairman is named in the ward's
 * decision (a public figure); every other person, phone number and address here is fictional.
 */
type Row = [DirectoryInput['grouping'], string | null, string, string, string, string];

const ROWS: Row[] = [
  ['party', null, 'Đoàn Văn Hiếu', 'Bí thư Đảng ủy phường', 'Lãnh đạo toàn diện công tác của Đảng bộ phường; Chủ tịch HĐND phường.', '0912 000 101'],
  ['party', null, 'Lê Thị Thanh Hà', 'Phó Bí thư Thường trực Đảng ủy', 'Công tác xây dựng Đảng, kiểm tra, giám sát; dân vận.', '0912 000 102'],
  ['party', null, 'Nguyễn Văn Thương', 'Phó Bí thư Đảng ủy, Chủ tịch UBND phường', 'Lãnh đạo, điều hành chung UBND phường; trực tiếp tiếp công dân định kỳ.', '0912 000 103'],
  ['council', null, 'Đoàn Văn Hiếu', 'Chủ tịch HĐND phường', 'Điều hành hoạt động của HĐND; chủ trì kỳ họp, tiếp xúc cử tri.', '0912 000 101'],
  ['council', null, 'Phạm Thị Lan', 'Phó Chủ tịch HĐND phường', 'Giám sát hoạt động của UBND; phụ trách Ban Pháp chế, Ban Kinh tế - Xã hội.', '0912 000 104'],
  ['committee', null, 'Nguyễn Văn Thương', 'Chủ tịch UBND phường', 'Lãnh đạo chung; nội chính, quốc phòng, an ninh; tổ chức bộ máy; tiếp công dân.', '0912 000 103'],
  ['committee', null, 'Trần Minh Đức', 'Phó Chủ tịch UBND phường', 'Kinh tế, tài chính, đất đai, xây dựng, đô thị, giải phóng mặt bằng.', '0912 000 105'],
  ['committee', null, 'Vũ Thị Mai Anh', 'Phó Chủ tịch UBND phường', 'Văn hóa, xã hội, y tế, giáo dục; cải cách hành chính, chuyển đổi số.', '0912 000 106'],
  ['department', 'Văn phòng HĐND và UBND', 'Hoàng Văn Nam', 'Chánh Văn phòng', 'Tham mưu tổng hợp, lịch công tác, văn thư - lưu trữ.', '0912 000 201'],
  ['department', 'Văn phòng HĐND và UBND', 'Bùi Thị Ngọc', 'Chuyên viên văn thư - lưu trữ', 'Tiếp nhận, phát hành văn bản; quản lý con dấu.', '0912 000 202'],
  ['department', 'Văn phòng HĐND và UBND', 'Đặng Minh Tuấn', 'Chuyên viên tiếp công dân', 'Thường trực tiếp công dân, tiếp nhận đơn thư.', '0912 000 203'],
  ['department', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Ngô Thị Hương', 'Trưởng phòng', 'Quy hoạch, xây dựng, đất đai, môi trường, giải phóng mặt bằng.', '0912 000 301'],
  ['department', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Lý Văn Khoa', 'Phó Trưởng phòng', 'Bồi thường, hỗ trợ, tái định cư; trật tự xây dựng.', '0912 000 302'],
  ['department', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Trịnh Thị Thu', 'Chuyên viên địa chính', 'Đăng ký đất đai, cấp giấy chứng nhận, đo đạc.', '0912 000 303'],
  ['department', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Cao Văn Long', 'Chuyên viên tài chính - kế toán', 'Ngân sách phường, thu chi, công khai tài chính.', '0912 000 304'],
  ['department', 'Phòng Văn hóa - Xã hội', 'Phan Thị Yến', 'Trưởng phòng', 'Văn hóa, thông tin, thể thao; tham mưu Đề án Chính quyền thân thiện.', '0912 000 401'],
  ['department', 'Phòng Văn hóa - Xã hội', 'Đinh Văn Hải', 'Phó Trưởng phòng', 'Lao động, người có công, bảo trợ xã hội.', '0912 000 402'],
  ['department', 'Phòng Văn hóa - Xã hội', 'Mai Thị Hồng', 'Chuyên viên giáo dục, y tế', 'Giáo dục, y tế, dân số, trẻ em.', '0912 000 403'],
  ['department', 'Trung tâm Phục vụ hành chính công', 'Tạ Thị Bích', 'Giám đốc Trung tâm', 'Điều hành Bộ phận một cửa, giám sát thời hạn giải quyết hồ sơ.', '0912 000 501'],
  ['department', 'Trung tâm Phục vụ hành chính công', 'Lương Văn Phúc', 'Công chức tư pháp - hộ tịch', 'Khai sinh, khai tử, kết hôn, chứng thực.', '0912 000 502'],
  ['department', 'Trung tâm Phục vụ hành chính công', 'Kiều Thị Oanh', 'Công chức tư pháp - hộ tịch', 'Hộ tịch, chứng thực bản sao, chữ ký.', '0912 000 503'],
  ['department', 'Trung tâm Phục vụ hành chính công', 'Hà Văn Sơn', 'Công chức một cửa', 'Tiếp nhận hồ sơ lĩnh vực đất đai, xây dựng, kinh doanh.', '0912 000 504'],
  ['department', 'Trung tâm Phục vụ hành chính công', 'Châu Thị Diệu', 'Công chức một cửa', 'Hướng dẫn dịch vụ công trực tuyến, thanh toán trực tuyến.', '0912 000 505'],
  ['department', 'Công an phường', 'Trương Quốc Bảo', 'Trưởng Công an phường', 'An ninh trật tự, cư trú, căn cước.', '0912 000 601'],
  ['department', 'Ban Chỉ huy Quân sự phường', 'Quách Văn Thành', 'Chỉ huy trưởng', 'Quốc phòng, dân quân tự vệ, tuyển quân.', '0912 000 701'],
  ['department', 'Ủy ban MTTQ Việt Nam phường', 'La Thị Nhung', 'Chủ tịch Ủy ban MTTQ', 'Giám sát, phản biện xã hội; tiếp nhận ý kiến của Nhân dân qua tổ dân phố.', '0912 000 801'],
];

const EMAIL_BY_ORDER = (i: number) => `canbo${String(i + 1).padStart(2, '0')}@chuvanan.example.vn`;

export const DEMO_DIRECTORY: DirectoryInput[] = ROWS.map(([grouping, department, full_name, title, duties, phone], i) => ({
  grouping, department, full_name, title, duties, phone, email: EMAIL_BY_ORDER(i), sort_order: i,
}));
