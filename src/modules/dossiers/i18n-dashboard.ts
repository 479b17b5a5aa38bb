/** Labels of the staff board's dossier tiles and the list filter they link to. */
export const dossierDashboardMessages = {
  vi: {
    'dossiers.dashboard.due_today': 'Hồ sơ đến hạn hôm nay',
    'dossiers.dashboard.overdue': 'Hồ sơ quá hạn',
    'dossiers.dashboard.supplement': 'Hồ sơ chờ bổ sung',
    'dossiers.dashboard.on_time_rate': 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    'dossiers.list.due_today': 'Đến hạn hôm nay',
    'dossiers.detail.received': 'Đã tiếp nhận hồ sơ {code}. In phiếu tiếp nhận và hẹn trả kết quả (Mẫu 01) để giao cho người nộp.',
    'dossiers.intake.search_title': 'Tìm thủ tục',
    'dossiers.intake.search': 'Tên thủ tục hoặc từ khóa',
    'dossiers.intake.search_hint': 'Gõ có dấu hoặc không dấu, ví dụ: khai sinh, chung thuc, ket hon.',
    'dossiers.intake.search_button': 'Tìm thủ tục',
    'dossiers.intake.search_none': 'Không tìm thấy thủ tục nào khớp "{q}". Chọn trong danh sách bên dưới.',
  },
  en: {
    'dossiers.dashboard.due_today': 'Dossiers due today',
    'dossiers.dashboard.overdue': 'Overdue dossiers',
    'dossiers.dashboard.supplement': 'Awaiting papers from the applicant',
    'dossiers.dashboard.on_time_rate': 'Dossiers settled on time',
    'dossiers.list.due_today': 'Due today',
    'dossiers.detail.received': 'Dossier {code} received. Print the receipt and appointment slip (form 01) for the applicant.',
    'dossiers.intake.search_title': 'Find the procedure',
    'dossiers.intake.search': 'Procedure name or keyword',
    'dossiers.intake.search_hint': 'With or without Vietnamese marks, e.g. khai sinh, chung thuc, ket hon.',
    'dossiers.intake.search_button': 'Search procedures',
    'dossiers.intake.search_none': 'No procedure matches "{q}". Choose from the list below.',
  },
};
