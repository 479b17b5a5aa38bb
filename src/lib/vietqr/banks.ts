/**
 * Banks that accept VietQR transfers (NAPAS 247 members), by 6-digit BIN, as listed by the
 * open-source VietQR library vietnam-qr-pay 1.5.1 (MIT; entries with transfer support). Renamed
 * banks appear once under their current name (OceanBank → MBV, LienVietPostBank → LPBank).
 * Update this list when NAPAS publishes new members.
 */
export interface NapasBank { bin: string; shortName: string; name: string }

const ROWS: [bin: string, shortName: string, name: string][] = [
  ['970425', 'AB Bank', 'Ngân hàng TMCP An Bình'],
  ['970416', 'ACB', 'Ngân hàng TMCP Á Châu'],
  ['970405', 'Agribank', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam'],
  ['970409', 'BacA Bank', 'Ngân hàng TMCP Bắc Á'],
  ['970438', 'BaoViet Bank', 'Ngân hàng TMCP Bảo Việt'],
  ['970418', 'BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam'],
  ['970454', 'BVBank', 'Ngân hàng TMCP Bản Việt'],
  ['546034', 'CAKE by VPBank', 'Ngân hàng số CAKE by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng'],
  ['970446', 'Co-op Bank', 'Ngân hàng Hợp tác xã Việt Nam'],
  ['970431', 'Eximbank', 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam'],
  ['970437', 'HDBank', 'Ngân hàng TMCP Phát triển TP. Hồ Chí Minh'],
  ['668888', 'Kasikornbank', 'Ngân hàng Đại chúng TNHH KASIKORNBANK - CN TP. Hồ Chí Minh'],
  ['970452', 'KienlongBank', 'Ngân hàng TMCP Kiên Long'],
  ['963369', 'Liobank', 'Ngân hàng số Liobank - Ngân hàng TMCP Phương Đông'],
  ['970449', 'LPBank', 'Ngân hàng TMCP Lộc Phát Việt Nam'],
  ['970422', 'MB Bank', 'Ngân hàng TMCP Quân đội'],
  ['970414', 'MBV', 'Ngân hàng TNHH MTV Việt Nam Hiện Đại'],
  ['971025', 'MoMo', 'CTCP Dịch Vụ Di Động Trực Tuyến'],
  ['970426', 'MSB', 'Ngân hàng TMCP Hàng Hải'],
  ['970428', 'Nam A Bank', 'Ngân hàng TMCP Nam Á'],
  ['970419', 'NCB Bank', 'Ngân hàng TMCP Quốc Dân'],
  ['970448', 'OCB Bank', 'Ngân hàng TMCP Phương Đông'],
  ['970430', 'PG Bank', 'Ngân hàng TMCP Xăng dầu Petrolimex'],
  ['970412', 'PVcomBank', 'Ngân hàng TMCP Đại Chúng Việt Nam'],
  ['970403', 'Sacombank', 'Ngân hàng TMCP Sài Gòn Thương Tín'],
  ['970400', 'SaigonBank', 'Ngân hàng TMCP Sài Gòn Công Thương'],
  ['970429', 'SCB', 'Ngân hàng TMCP Sài Gòn'],
  ['970440', 'SeABank', 'Ngân hàng TMCP Đông Nam Á'],
  ['970443', 'SHB', 'Ngân hàng TMCP Sài Gòn - Hà Nội'],
  ['970424', 'Shinhan Bank', 'Ngân hàng TNHH MTV Shinhan Việt Nam'],
  ['970407', 'Techcombank', 'Ngân hàng TMCP Kỹ thương Việt Nam'],
  ['963388', 'Timo', 'Ngân hàng số Timo by Bản Việt Bank'],
  ['970423', 'TPBank', 'Ngân hàng TMCP Tiên Phong'],
  ['546035', 'Ubank by VPBank', 'Ngân hàng số Ubank by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng'],
  ['970441', 'VIB', 'Ngân hàng TMCP Quốc tế Việt Nam'],
  ['970427', 'VietABank', 'Ngân hàng TMCP Việt Á'],
  ['970433', 'VietBank', 'Ngân hàng TMCP Việt Nam Thương Tín'],
  ['970436', 'Vietcombank', 'Ngân hàng TMCP Ngoại Thương Việt Nam'],
  ['970415', 'VietinBank', 'Ngân hàng TMCP Công thương Việt Nam'],
  ['970406', 'Vikki Bank', 'Ngân hàng TNHH MTV Số Vikki'],
  ['970432', 'VPBank', 'Ngân hàng TMCP Việt Nam Thịnh Vượng'],
];

export const NAPAS_BANKS: readonly NapasBank[] = ROWS.map(([bin, shortName, name]) => ({ bin, shortName, name }));

const BY_BIN = new Map(NAPAS_BANKS.map((b) => [b.bin, b]));

/** The bank of a BIN, or undefined when it is not a VietQR member. @example bankByBin('970415')?.shortName // 'VietinBank' */
export function bankByBin(bin: string): NapasBank | undefined {
  return BY_BIN.get(bin);
}
