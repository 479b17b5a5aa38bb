import type { MessageRow } from '../../core/i18n.js';

/** Labels of the staff board's one-stop desk tiles: [key (without "centre."), Vietnamese, English]. */
export const dashboardRows: MessageRow[] = [
  ['dashboard.waiting', 'Người đang chờ tại quầy', 'People waiting at the desk'],
  ['dashboard.today_detail',
    'Hôm nay {taken} số đã cấp, chờ trung bình {minutes} phút',
    '{taken} tickets today, average wait {minutes} min'],
  ['dashboard.bookings', 'Lịch hẹn hôm nay', 'Today\'s appointments'],
  ['dashboard.satisfied', 'Người dân hài lòng tại quầy', 'Satisfied at the counter'],
];
