import type { MessageRow } from '../../core/i18n.js';

/** Errors thrown by the module: [key (without "scoring."), Vietnamese, English]. */
export const errorRows: MessageRow[] = [
  ['error.bad_year', 'Năm không hợp lệ (từ 2020 đến năm sau).', 'The year is not valid (from 2020 to next year).'],
  ['error.city_not_found', 'Không tìm thấy thành phố (tham số parent).', 'City not found (parameter parent).'],
  ['error.no_city', 'Chưa có thành phố nào.', 'There is no city yet.'],
  ['error.city_no_scorecard', 'Thành phố không có bảng điểm riêng; xem /api/v1/scorecards.', 'A city has no scorecard of its own; see /api/v1/scorecards.'],
  ['error.unit_not_in_city', 'Đơn vị không thuộc thành phố.', 'The unit is not part of the city.'],
  ['error.unit_already_enabled', '{unit} đã được kích hoạt.', '{unit} has already been enabled.'],
  ['error.username_format', 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch dưới.', 'A user name has 3–40 lower-case letters without accents, digits, dots or underscores.'],
  ['error.admin_name_required', 'Cần nhập họ tên quản trị viên (tối đa 120 ký tự).', 'Enter the administrator\'s full name (at most 120 characters).'],
  ['error.username_taken', 'Tên đăng nhập đã được dùng.', 'This user name is already taken.'],
  ['error.rubric_json', 'Bộ tiêu chí phải là JSON hợp lệ (tải bản hiện hành về để sửa).', 'The criteria set must be valid JSON (download the current one to edit it).'],
  ['error.manual_not_found', 'Không có chỉ số tự đánh giá này.', 'There is no such self-assessed indicator.'],
  ['error.year_closed_evidence', 'Kết quả năm {year} đã chốt; không thể thay đổi minh chứng.', 'The results of {year} are closed; evidence cannot be changed.'],
  ['error.evidence_too_large', 'Tệp minh chứng tối đa 10 MB.', 'An evidence file may be at most 10 MB.'],
  ['error.choose_decision', 'Chọn "Chấp thuận" hoặc "Không chấp thuận".', 'Choose "Approve" or "Do not approve".'],
  ['error.evidence_not_found', 'Không tìm thấy minh chứng.', 'Evidence not found.'],
  ['error.evidence_reviewed', 'Minh chứng này đã được duyệt.', 'This evidence has already been reviewed.'],
  ['error.evidence_file_not_found', 'Không tìm thấy tệp minh chứng.', 'Evidence file not found.'],
  ['error.report_kind', 'Loại báo cáo là "nam", "so-ket" hoặc "tong-ket".', 'The report kind is "nam", "so-ket" or "tong-ket".'],
  ['error.year_already_closed', 'Kết quả năm {year} đã được chốt trước đó.', 'The results of {year} were already closed.'],
  ['error.rubric_invalid', '{problems}', 'The criteria set is not valid: {problems}'],
];
