/** Labels of the staff board's feedback tiles. */
export const feedbackDashboardMessages = {
  vi: {
    'feedback.dashboard.unassigned': 'Phản ánh chưa giao xử lý',
    'feedback.dashboard.dueSoon': 'Phản ánh sắp đến hạn',
    'feedback.dashboard.overdue': 'Phản ánh quá hạn',
    'feedback.dashboard.answeredOnTime': 'Phản ánh được trả lời đúng hạn',
  },
  en: {
    'feedback.dashboard.unassigned': 'Feedback not yet assigned',
    'feedback.dashboard.dueSoon': 'Feedback due soon',
    'feedback.dashboard.overdue': 'Overdue feedback',
    'feedback.dashboard.answeredOnTime': 'Feedback answered on time',
  },
};
