import type { MessageRow } from '../../core/i18n.js';

/** The unit's catalogue settings: [key (without "catalogue."), Vietnamese, English]. */
export const settingsRows: MessageRow[] = [
  ['settings.nav', 'Tài khoản thu phí, đường dây nóng', 'Fee account, hotline'],
  ['settings.title', 'Tài khoản thu phí, lệ phí và đường dây nóng', 'Fee collection account and hotline'],
  ['settings.lead',
    'Tài khoản này được in trong mã VietQR nộp lệ phí trên trang mỗi thủ tục; đường dây nóng hiện trên trang chủ, '
      + 'danh bạ và tờ niêm yết.',
    'This account is encoded in the fee VietQR on every procedure page; the hotline appears on the home page, the '
      + 'directory and notices.'],
  ['settings.account_legend', 'Tài khoản thu phí, lệ phí', 'Fee collection account'],
  ['settings.account_hint',
    'Để trống cả ba ô nếu đơn vị chưa có tài khoản: trang thủ tục sẽ hướng dẫn nộp tại quầy.',
    'Leave all three empty if the unit has no account yet: procedure pages then say to pay at the counter.'],
  ['settings.bank', 'Ngân hàng (danh sách thành viên NAPAS nhận VietQR)', 'Bank (NAPAS members accepting VietQR)'],
  ['settings.bank_none', '— Chọn ngân hàng —', '— Choose a bank —'],
  ['settings.account_number', 'Số tài khoản', 'Account number'],
  ['settings.account_name', 'Tên chủ tài khoản', 'Account holder'],
  ['settings.account_name_hint',
    'Như trên giấy xác nhận của ngân hàng; hệ thống tự bỏ dấu và viết hoa, ví dụ UBND PHUONG CHU VAN AN',
    'As on the bank’s confirmation; marks are removed and letters capitalised, e.g. UBND PHUONG CHU VAN AN'],
  ['settings.hotline', 'Đường dây nóng của đơn vị', 'Unit hotline'],
  ['settings.hotline_hint', 'Ví dụ 0220 3882 115; để trống nếu chưa có', 'E.g. 0220 3882 115; leave empty if none'],
  ['settings.save', 'Lưu cài đặt', 'Save settings'],
  ['settings.saved', 'Đã lưu tài khoản thu phí và đường dây nóng.', 'Fee account and hotline saved.'],
  ['settings.error_bank', 'Hãy chọn ngân hàng trong danh sách.', 'Choose a bank from the list.'],
  ['settings.error_account_number',
    'Số tài khoản chỉ gồm chữ số hoặc chữ cái, tối đa 19 ký tự.',
    'The account number has digits or letters only, at most 19.'],
  ['settings.error_account_name', 'Hãy nhập tên chủ tài khoản (3–70 ký tự).', 'Enter the account holder (3–70 characters).'],
  ['settings.error_hotline',
    'Số đường dây nóng chưa đúng: chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch ngang.',
    'The hotline is not a phone number: digits, spaces, dots or hyphens only.'],
];
