import type { DossierAction, DossierStatus } from './states.js';

/** Vietnamese names used inside the official forms (the pages go through i18n). */
export const STATUS_VI: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  supplement_requested: 'Chờ bổ sung hồ sơ',
  supplemented: 'Đã bổ sung hồ sơ',
  processing: 'Đang giải quyết',
  approved: 'Đã giải quyết',
  refused: 'Từ chối giải quyết',
  result_ready: 'Có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Công dân rút hồ sơ',
};

export const ACTION_VI: Record<DossierAction | 'receive' | 'apologise' | 'apology_sent' | 'import', string> = {
  receive: 'Tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement: 'Nhận hồ sơ bổ sung',
  start_processing: 'Chuyển xử lý',
  approve: 'Phê duyệt kết quả',
  refuse: 'Từ chối giải quyết',
  mark_result_ready: 'Có kết quả, chờ trả',
  return: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  apologise: 'Lập phiếu xin lỗi (Mẫu 04)',
  apology_sent: 'Đã gửi phiếu xin lỗi (SMS)',
  import: 'Nhập từ hệ thống tỉnh',
};

export const TIMING_VI = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;
