import type { Messages } from '../i18n.js';

export const dashboardMessages: Messages = {
  vi: {
    'core.dashboard.today': 'Việc cần làm hôm nay',
    'core.dashboard.month_title': 'Chỉ số trong tháng',
    'core.dashboard.month': 'Tháng {n}',
    'core.dashboard.no_data': 'Chưa có số liệu',
    'core.dashboard.up': 'Tăng {n} điểm % so với tháng trước',
    'core.dashboard.down': 'Giảm {n} điểm % so với tháng trước',
    'core.dashboard.flat': 'Không đổi so với tháng trước',
    'core.dashboard.nothing': 'Không có việc tồn đọng. Chọn chức năng bên dưới để bắt đầu.',
    'core.dashboard.functions': 'Chức năng',
  },
  en: {
    'core.dashboard.today': "Today's to-do",
    'core.dashboard.month_title': "This month's indicators",
    'core.dashboard.month': 'Month {n}',
    'core.dashboard.no_data': 'No data yet',
    'core.dashboard.up': 'Up {n} percentage points on last month',
    'core.dashboard.down': 'Down {n} percentage points on last month',
    'core.dashboard.flat': 'Unchanged from last month',
    'core.dashboard.nothing': 'Nothing pending. Pick a function below to start.',
    'core.dashboard.functions': 'Functions',
  },
};
