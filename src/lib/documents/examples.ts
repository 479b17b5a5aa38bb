import type { OfficialDocument } from './model.js';

/** A named example document used by tests and previews. */
export const sampleDocument: OfficialDocument = {
  issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG CHU VĂN AN',
  number: '1/TNHS',
  place: 'Phường Chu Văn An',
  date: new Date('2026-01-05T03:00:00Z'),
  typeName: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  summary: 'Mã hồ sơ: 000.00.00.H31-260105-0001',
  blocks: [
    { kind: 'paragraph', text: 'Bộ phận Một cửa phường Chu Văn An tiếp nhận hồ sơ của bà Nguyễn Thị Hoa.' },
    { kind: 'field', label: 'Thời gian trả kết quả', value: '16 giờ 00, ngày 08/01/2026' },
    { kind: 'list', items: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] },
    { kind: 'table', columns: ['STT', 'Tên giấy tờ'], rows: [['1', 'Tờ khai đăng ký khai sinh']] },
  ],
  signers: [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: 'Nguyễn Thị Hoa' },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: 'Trần Văn Minh' },
  ],
  recipients: ['Như trên;', 'Lưu: VT, BPMC.'],
};
