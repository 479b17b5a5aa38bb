import type { MessageRow } from '../../core/i18n.js';

/** Labels of the staff board's feedback tiles: [key (without "feedback."), Vietnamese, English]. */
export const dashboardRows: MessageRow[] = [
  ['dashboard.unassigned', 'Phản ánh chưa giao xử lý', 'Feedback not yet assigned'],
  ['dashboard.dueSoon', 'Phản ánh sắp đến hạn', 'Feedback due soon'],
  ['dashboard.overdue', 'Phản ánh quá hạn', 'Overdue feedback'],
  ['dashboard.answeredOnTime', 'Phản ánh được trả lời đúng hạn', 'Feedback answered on time'],
  ['form.locationTaken', 'Đã ghi nhận vị trí hiện tại của bạn.', 'Your current location was recorded.'],
  ['form.locationFailed',
    'Không lấy được vị trí. Vui lòng ghi địa chỉ ở ô trên.',
    'Could not get your location. Please write the address above.'],
  ['sent.title', 'Nội dung bạn đã gửi', 'What you sent'],
  ['sent.private',
    'Chỉ trình duyệt đã gửi phản ánh thấy phần này, trong 1 giờ sau khi gửi. Người khác có mã tra cứu không xem được.',
    'Only the browser that sent it sees this part, for one hour. Others holding the code cannot.'],
  ['sent.content', 'Nội dung', 'Text'],
  ['sent.address', 'Địa điểm', 'Place'],
  ['sent.photos', 'Ảnh', 'Photos'],
  ['sent.photoCount', '{n} ảnh đã gửi kèm', '{n} photo(s) attached'],
  ['sent.none', 'Không có', 'None'],
  ['sent.copy', 'Sao chép mã', 'Copy code'],
  ['sent.copied', 'Đã sao chép mã tra cứu.', 'Tracking code copied.'],
];
