import type { MessageRow } from '../../core/i18n.js';

/** Errors thrown by the module: [key (without "feedback."), Vietnamese, English]. */
export const errorRows: MessageRow[] = [
  ['error.rating_range', 'Vui lòng chọn mức đánh giá từ 1 đến 5.', 'Please choose a rating from 1 to 5.'],
  ['error.feedback_not_found', 'Không tìm thấy phản ánh.', 'Feedback not found.'],
  ['error.rate_after_answer', 'Chỉ đánh giá được khi phản ánh đã có trả lời.', 'Feedback can only be rated once it has been answered.'],
  ['error.required_missing', 'Vui lòng nhập đủ thông tin bắt buộc.', 'Please fill in all required fields.'],
  ['error.bad_status_action', 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.', 'This action cannot be taken in the feedback\'s current status.'],
  ['error.bad_parent_code', 'Mã phản ánh gốc không hợp lệ.', 'The code of the original feedback is not valid.'],
  ['error.meeting_outside_week', 'Ngày họp không thuộc tuần đã chọn.', 'The meeting date is not in the chosen week.'],
  ['error.meeting_or_nothing', 'Hãy ghi ngày họp tiếp nhận hoặc chọn “Không có ý kiến mới”.', 'Enter the date of the intake meeting or choose “No new opinions”.'],
  ['error.bad_group', 'Tổ dân phố hoặc tổ chức không hợp lệ.', 'The residential group or organisation is not valid.'],
  ['error.bad_action', 'Thao tác không hợp lệ.', 'The action is not valid.'],
  ['error.bad_account', 'Mã tài khoản không hợp lệ.', 'The account id is not valid.'],
  ['open311.bad_service_code', 'service_code không hợp lệ', 'service_code is not valid'],
  ['open311.bad_status', 'status chỉ nhận open hoặc closed', 'status takes only open or closed'],
  ['open311.bad_date', 'start_date/end_date phải theo định dạng W3C (ISO 8601)', 'start_date/end_date must be in W3C format (ISO 8601)'],
  ['open311.date_order', 'start_date phải trước end_date', 'start_date must be before end_date'],
  ['open311.no_key', 'Thiếu api_key', 'api_key is missing'],
  ['open311.bad_key', 'api_key không hợp lệ cho đơn vị này', 'api_key is not valid for this unit'],
  ['open311.no_service', 'service_code không tồn tại', 'service_code does not exist'],
  ['open311.no_place', 'Cần lat và long, hoặc address_string', 'lat and long, or address_string, are needed'],
  ['open311.invalid', '{problems}', 'The request is not valid: {problems}'],
  ['open311.not_found', 'Không tìm thấy', 'Not found'],
  ['open311.no_request', 'service_request_id không tồn tại', 'service_request_id does not exist'],
  ['open311.server_error', 'Lỗi máy chủ', 'Server error'],
];
