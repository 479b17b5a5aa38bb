import { crc16CcittFalse } from './crc16.js';
import { decodeTlv, encodeTlv, encodeTlvList, findTlv } from './tlv.js';

export const NAPAS_GUID = 'A000000727';
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const SERVICE_TO_CARD = 'QRIBFTTC';

export interface VietQrInput {
  /** 6-digit NAPAS bank BIN, e.g. 970415 (VietinBank). */
  bankBin: string;
  accountNumber: string;
  /** Amount in đồng; absent or 0 → static QR without amount. */
  amount?: number;
  /** Transfer note (tag 62/08): folded to ASCII, at most 25 characters. */
  purpose?: string;
  service?: typeof SERVICE_TO_ACCOUNT | typeof SERVICE_TO_CARD;
}

export interface VietQrData {
  bankBin: string;
  accountNumber: string;
  service: string;
  amount: number | null;
  purpose: string | null;
  currency: string;
  country: string;
  dynamic: boolean;
}

export const PURPOSE_MAX_LENGTH = 25;

/** ASCII transfer note: marks removed, unsafe characters dropped, ≤ 25 chars. */
export function toPurposeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9 .\/\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PURPOSE_MAX_LENGTH)
    .trim();
}

function validateInput(input: VietQrInput): void {
  if (!/^\d{6}$/.test(input.bankBin)) throw new Error('Mã BIN ngân hàng phải gồm 6 chữ số');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new Error('Số tài khoản không hợp lệ (1–19 chữ hoặc số)');
  const amount = input.amount ?? 0;
  if (!Number.isInteger(amount) || amount < 0 || amount > 9_999_999_999_999) throw new Error('Số tiền phải là số nguyên đồng không âm');
}

/**
 * Builds the NAPAS VietQR payload (RULES-VN §6.1):
 * `buildVietQr({ bankBin: '970415', accountNumber: '113000001234', amount: 50000, purpose: 'LE PHI' })`
 * → `000201010212 38..0010A000000727 01..0006970415 01..113000001234 0208QRIBFTTA 5303704 540550000 5802VN 62..08.. 6304XXXX`.
 */
export function buildVietQr(input: VietQrInput): string {
  validateInput(input);
  const amount = input.amount ?? 0;
  const beneficiary = encodeTlvList([
    { id: '00', value: input.bankBin },
    { id: '01', value: input.accountNumber },
  ]);
  const account = encodeTlvList([
    { id: '00', value: NAPAS_GUID },
    { id: '01', value: beneficiary },
    { id: '02', value: input.service ?? SERVICE_TO_ACCOUNT },
  ]);
  const purpose = input.purpose ? toPurposeText(input.purpose) : '';
  let body =
    encodeTlv('00', '01') +
    encodeTlv('01', amount > 0 ? '12' : '11') +
    encodeTlv('38', account) +
    encodeTlv('53', '704') +
    (amount > 0 ? encodeTlv('54', String(amount)) : '') +
    encodeTlv('58', 'VN');
  if (purpose) body += encodeTlv('62', encodeTlv('08', purpose));
  const withCrcTag = `${body}6304`;
  return withCrcTag + crc16CcittFalse(withCrcTag);
}

/** True when the payload ends with `6304` + the CRC of everything before it (hex case-insensitive). */
export function hasValidCrc(payload: string): boolean {
  if (payload.length < 8 || payload.slice(-8, -4) !== '6304') return false;
  return crc16CcittFalse(payload.slice(0, -4)) === payload.slice(-4).toUpperCase();
}

/** Decodes and checks a VietQR payload; throws a Vietnamese message when it is not one. */
export function parseVietQr(payload: string): VietQrData {
  if (!hasValidCrc(payload)) throw new Error('Mã QR sai CRC hoặc thiếu trường 63');
  const root = decodeTlv(payload);
  if (findTlv(root, '00') !== '01') throw new Error('Thiếu chỉ báo định dạng (trường 00)');
  const accountField = findTlv(root, '38');
  if (!accountField) throw new Error('Thiếu thông tin tài khoản NAPAS (trường 38)');
  const account = decodeTlv(accountField);
  if (findTlv(account, '00') !== NAPAS_GUID) throw new Error('Không phải mã VietQR của NAPAS');
  const beneficiary = decodeTlv(findTlv(account, '01') ?? '');
  const bankBin = findTlv(beneficiary, '00');
  const accountNumber = findTlv(beneficiary, '01');
  if (!bankBin || !accountNumber) throw new Error('Thiếu mã ngân hàng hoặc số tài khoản');
  const amountText = findTlv(root, '54');
  const additional = findTlv(root, '62');
  return {
    bankBin,
    accountNumber,
    service: findTlv(account, '02') ?? '',
    amount: amountText === undefined ? null : Number(amountText),
    purpose: additional ? findTlv(decodeTlv(additional), '08') ?? null : null,
    currency: findTlv(root, '53') ?? '',
    country: findTlv(root, '58') ?? '',
    dynamic: findTlv(root, '01') === '12',
  };
}
