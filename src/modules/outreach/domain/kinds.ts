/**
 * The kinds of letter the ward sends, each with its number symbol, the type name printed under
 * the header (Decree 30/2020) and the default template staff start from.
 */
export const LETTER_KINDS = ['marriage', 'condolence', 'thanks', 'commendation', 'apology', 'invitation'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const isLetterKind = (v: unknown): v is LetterKind => (LETTER_KINDS as readonly unknown[]).includes(v);

/** The five kinds of criterion 2 (the invitation serves the contributors' annual meeting). */
export const CRITERION_KINDS: readonly LetterKind[] = ['marriage', 'condolence', 'thanks', 'commendation', 'apology'];

/** URL slug of each kind (Vietnamese, readable). */
export const KIND_SLUGS: Record<LetterKind, string> = {
  marriage: 'chuc-mung-ket-hon', condolence: 'chia-buon', thanks: 'cam-on',
  commendation: 'khen-ngoi', apology: 'xin-loi', invitation: 'giay-moi',
};

export interface KindSpec {
  /** Symbol after the number: "05/TCM-UBND". */
  symbol: string;
  typeName: string;
  /** Fields the kind asks for besides name and address (placeholders in the template). */
  fields: string[];
  subject: string;
  body: string;
}

const CLOSING = 'Trân trọng!';

export const KIND_SPECS: Record<LetterKind, KindSpec> = {
  marriage: {
    symbol: 'TCM-UBND', typeName: 'THƯ CHÚC MỪNG', fields: ['ngay_su_kien'],
    subject: 'Chúc mừng {danh_xung} {ho_ten} đăng ký kết hôn',
    body: [
      'Nhân dịp {danh_xung_thuong} {ho_ten} đăng ký kết hôn tại {don_vi} ngày {ngay_su_kien}, thay mặt Ủy ban nhân dân {don_vi}, tôi xin gửi tới hai bạn và gia đình lời chúc mừng tốt đẹp nhất.',
      'Chúc hai bạn luôn yêu thương, tôn trọng, chia sẻ cùng nhau xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc; chung tay cùng khu dân cư xây dựng {don_vi} ngày càng văn minh, giàu đẹp.',
      CLOSING,
    ].join('\n\n'),
  },
  condolence: {
    symbol: 'TCB-UBND', typeName: 'THƯ CHIA BUỒN', fields: ['nguoi_mat', 'ngay_su_kien'],
    subject: 'Chia buồn cùng gia đình {danh_xung} {ho_ten}',
    body: [
      'Được tin {nguoi_mat} đã từ trần ngày {ngay_su_kien}, thay mặt Ủy ban nhân dân {don_vi}, tôi xin gửi tới {danh_xung_thuong} {ho_ten} và toàn thể gia đình lời chia buồn sâu sắc nhất.',
      'Mong gia đình vượt qua nỗi đau mất mát này. Chính quyền và khu dân cư luôn sẵn sàng chia sẻ, hỗ trợ gia đình lo hậu sự và các thủ tục cần thiết.',
      'Thành kính phân ưu!',
    ].join('\n\n'),
  },
  thanks: {
    symbol: 'TCO-UBND', typeName: 'THƯ CẢM ƠN', fields: ['noi_dung'],
    subject: 'Cảm ơn {danh_xung} {ho_ten} đã đóng góp cho cộng đồng',
    body: [
      'Thay mặt Ủy ban nhân dân {don_vi}, tôi trân trọng cảm ơn {danh_xung_thuong} {ho_ten} đã {noi_dung}.',
      'Sự chung tay của {danh_xung_thuong} là nguồn động viên to lớn đối với cấp ủy, chính quyền và Nhân dân {don_vi}. Kính chúc {danh_xung_thuong} và gia đình sức khỏe, hạnh phúc, thành công.',
      CLOSING,
    ].join('\n\n'),
  },
  commendation: {
    symbol: 'TK-UBND', typeName: 'THƯ KHEN', fields: ['sang_kien', 'noi_dung'],
    subject: 'Khen ngợi {danh_xung} {ho_ten} có sáng kiến "{sang_kien}"',
    body: [
      'Ủy ban nhân dân {don_vi} ghi nhận và biểu dương {danh_xung_thuong} {ho_ten} đã có sáng kiến "{sang_kien}": {noi_dung}.',
      'Sáng kiến đã góp phần xây dựng chính quyền thân thiện, vì Nhân dân phục vụ. Mong {danh_xung_thuong} tiếp tục phát huy, lan tỏa tinh thần đóng góp xây dựng quê hương.',
      CLOSING,
    ].join('\n\n'),
  },
  apology: {
    symbol: 'TXL-UBND', typeName: 'THƯ XIN LỖI', fields: ['ma_ho_so', 'thu_tuc', 'ngay_hen', 'ly_do', 'ngay_hen_moi'],
    subject: 'Xin lỗi vì hồ sơ {ma_ho_so} chậm trả kết quả',
    body: [
      'Ngày {ngay_hen}, Ủy ban nhân dân {don_vi} hẹn trả kết quả hồ sơ {thu_tuc} (mã hồ sơ {ma_ho_so}) của {danh_xung_thuong} {ho_ten}. Do {ly_do}, hồ sơ chưa được giải quyết đúng hẹn.',
      'Thay mặt Ủy ban nhân dân {don_vi}, tôi chân thành xin lỗi {danh_xung_thuong} vì sự chậm trễ này và xin hẹn trả kết quả vào ngày {ngay_hen_moi}. Chúng tôi sẽ rút kinh nghiệm để phục vụ Nhân dân tốt hơn.',
      CLOSING,
    ].join('\n\n'),
  },
  invitation: {
    symbol: 'GM-UBND', typeName: 'GIẤY MỜI', fields: ['noi_dung', 'thoi_gian', 'dia_diem'],
    subject: 'Mời dự {noi_dung}',
    body: [
      'Ủy ban nhân dân {don_vi} trân trọng kính mời {danh_xung_thuong} {ho_ten} tới dự {noi_dung}.',
      'Thời gian: {thoi_gian}. Địa điểm: {dia_diem}.',
      'Sự hiện diện của {danh_xung_thuong} là niềm vinh dự của chúng tôi. Trân trọng kính mời!',
    ].join('\n\n'),
  },
};

/**
 * Number and symbol as registered: "5/TCM-UBND" (the document layer pads it to "05/…").
 * @example letterNumber('marriage', 5) // '5/TCM-UBND'
 */
export const letterNumber = (kind: LetterKind, seq: number): string => `${seq}/${KIND_SPECS[kind].symbol}`;

/** As printed (Decree 30 pads numbers below ten): `paddedLetterNumber('marriage', 5)` → '05/TCM-UBND'. */
export const paddedLetterNumber = (kind: LetterKind, seq: number): string => `${String(seq).padStart(2, '0')}/${KIND_SPECS[kind].symbol}`;
