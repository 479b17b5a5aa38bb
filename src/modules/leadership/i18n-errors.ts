import type { MessageRow } from '../../core/i18n.js';

/** Errors thrown by the module: [key (without "leadership."), Vietnamese, English]. */
export const errorRows: MessageRow[] = [
  ['error.case_not_found', 'Không tìm thấy vụ việc.', 'Case not found.'],
  ['error.bad_action', 'Thao tác không hợp lệ.', 'The action is not valid.'],
  ['error.accused_cannot_handle', 'Cán bộ bị khiếu nại, tố cáo không được xử lý vụ việc này.', 'An official complained about or denounced may not handle this case.'],
  ['error.bad_account', 'Mã tài khoản không hợp lệ.', 'The account id is not valid.'],
  ['error.not_found', 'Không tìm thấy.', 'Not found.'],
  ['error.feedback_not_found', 'Không tìm thấy phản ánh.', 'Feedback not found.'],
  ['error.head_only_conduct', 'Chỉ người đứng đầu được phân công, xử lý phản ánh về cán bộ.', 'Only the head of the unit assigns and handles feedback about officials.'],
  ['error.conduct_became_case', 'Phản ánh đã được chuyển thành vụ việc.', 'This feedback has already been turned into a case.'],
  ['error.official_not_found', 'Không tìm thấy cán bộ.', 'Official not found.'],
  ['error.no_badge_number', 'Cán bộ chưa có số thẻ.', 'The official has no badge number yet.'],
  ['error.reception_not_found', 'Không tìm thấy buổi tiếp công dân.', 'Citizen reception session not found.'],
  ['error.bad_period', 'Khoảng thời gian không hợp lệ.', 'The period is not valid.'],
  ['error.visit_not_found', 'Không tìm thấy buổi xuống cơ sở.', 'Field visit not found.'],
  ['error.visit_cancel_planned', 'Chỉ hủy được buổi đang ở trạng thái kế hoạch.', 'Only a planned visit can be cancelled.'],
  ['error.opinion_became_feedback', 'Ý kiến này đã được chuyển thành phản ánh.', 'This opinion has already been turned into feedback.'],
];
