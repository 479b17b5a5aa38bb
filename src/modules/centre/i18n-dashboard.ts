/** Labels of the staff board's one-stop desk tiles. */
export const centreDashboardMessages = {
  vi: {
    'centre.dashboard.waiting': 'Người đang chờ tại quầy',
    'centre.dashboard.today_detail': 'Hôm nay {taken} số đã cấp, chờ trung bình {minutes} phút',
    'centre.dashboard.bookings': 'Lịch hẹn hôm nay',
    'centre.dashboard.satisfied': 'Người dân hài lòng tại quầy',
  },
  en: {
    'centre.dashboard.waiting': 'People waiting at the desk',
    'centre.dashboard.today_detail': '{taken} tickets today, average wait {minutes} min',
    'centre.dashboard.bookings': "Today's appointments",
    'centre.dashboard.satisfied': 'Satisfied at the counter',
  },
};
