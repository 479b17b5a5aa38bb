/** Labels of the staff board's dossier tiles and the list filter they link to. */
export const dossierDashboardMessages = {
  vi: {
    'dossiers.dashboard.due_today': 'Hồ sơ đến hạn hôm nay',
    'dossiers.dashboard.overdue': 'Hồ sơ quá hạn',
    'dossiers.dashboard.supplement': 'Hồ sơ chờ bổ sung',
    'dossiers.dashboard.on_time_rate': 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    'dossiers.list.due_today': 'Đến hạn hôm nay',
  },
  en: {
    'dossiers.dashboard.due_today': 'Dossiers due today',
    'dossiers.dashboard.overdue': 'Overdue dossiers',
    'dossiers.dashboard.supplement': 'Awaiting papers from the applicant',
    'dossiers.dashboard.on_time_rate': 'Dossiers settled on time',
    'dossiers.list.due_today': 'Due today',
  },
};
