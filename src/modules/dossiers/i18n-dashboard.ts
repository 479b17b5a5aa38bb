import type { MessageRow } from '../../core/i18n.js';

/** Labels of the staff board's dossier tiles: [key (without "dossiers."), Vietnamese, English]. */
export const dashboardRows: MessageRow[] = [
  ['dashboard.due_today', 'Hồ sơ đến hạn hôm nay', 'Dossiers due today'],
  ['dashboard.overdue', 'Hồ sơ quá hạn', 'Overdue dossiers'],
  ['dashboard.supplement', 'Hồ sơ chờ bổ sung', 'Awaiting papers from the applicant'],
  ['dashboard.on_time_rate', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Dossiers settled on time'],
  ['list.due_today', 'Đến hạn hôm nay', 'Due today'],
  ['detail.received',
    'Đã tiếp nhận hồ sơ {code}. In phiếu tiếp nhận và hẹn trả kết quả (Mẫu 01) để giao cho người nộp.',
    'Dossier {code} received. Print the receipt and appointment slip (form 01) for the applicant.'],
  ['intake.search_title', 'Tìm thủ tục', 'Find the procedure'],
  ['intake.search', 'Tên thủ tục hoặc từ khóa', 'Procedure name or keyword'],
  ['intake.search_hint',
    'Gõ có dấu hoặc không dấu, ví dụ: khai sinh, chung thuc, ket hon.',
    'With or without Vietnamese marks, e.g. khai sinh, chung thuc, ket hon.'],
  ['intake.search_button', 'Tìm thủ tục', 'Search procedures'],
  ['intake.search_none',
    'Không tìm thấy thủ tục nào khớp "{q}". Chọn trong danh sách bên dưới.',
    'No procedure matches "{q}". Choose from the list below.'],
];
