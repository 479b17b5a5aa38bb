/**
 * The QR code printed on the back of a chip identity card (CCCD gắn chip): plain text, fields
 * separated by "|":
 *
 *   number|old ID|full name|birth date ddmmyyyy|sex|permanent address|issue date ddmmyyyy
 *
 * e.g. `001090123456|012345678|Nguyễn Văn A|01011990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|15042021`.
 * The old-ID field may be empty; newer cards may add fields after the issue date, which are kept
 * in `extra`. The code is not signed: it fills a form, it does not prove who someone is.
 */
export interface CccdQr {
  /** 12 digits. */
  number: string;
  /** The old 9-digit (or 12-digit) ID, or null when the field is empty. */
  oldId: string | null;
  fullName: string;
  /** ISO date yyyy-mm-dd. */
  birthDate: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  /** ISO date yyyy-mm-dd, or null when missing. */
  issueDate: string | null;
  /** Fields after the issue date (newer cards), as printed. */
  extra: string[];
}

export type CccdQrError = 'empty' | 'fields' | 'number' | 'old_id' | 'name' | 'birth_date' | 'sex' | 'issue_date';

export type CccdQrResult = { ok: true; value: CccdQr } | { ok: false; error: CccdQrError };

/** Vietnamese messages for each parse error (shown beside the pasted text). */
export const CCCD_QR_ERRORS: Record<CccdQrError, string> = {
  empty: 'Chưa có chuỗi QR.',
  fields: 'Chuỗi QR không đúng dạng của thẻ CCCD (cần các trường ngăn cách bởi dấu |).',
  number: 'Số CCCD trong mã QR phải gồm 12 chữ số.',
  old_id: 'Số CMND cũ trong mã QR không hợp lệ.',
  name: 'Mã QR thiếu họ và tên.',
  birth_date: 'Ngày sinh trong mã QR không hợp lệ (ddmmyyyy).',
  sex: 'Giới tính trong mã QR phải là Nam hoặc Nữ.',
  issue_date: 'Ngày cấp trong mã QR không hợp lệ (ddmmyyyy).',
};

/** "01011990" → "1990-01-01", or null when it is not a real calendar date. */
export function parseDdMmYyyy(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function parseSex(text: string): 'Nam' | 'Nữ' | null {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (t === 'nam') return 'Nam';
  if (t === 'nữ' || t === 'nu') return 'Nữ';
  return null;
}

/** Parses the text a scanner or camera read from the card's QR code. */
export function parseCccdQr(raw: string): CccdQrResult {
  const text = raw.replace(/^\uFEFF/, '').normalize('NFC').trim();
  if (!text) return { ok: false, error: 'empty' };
  const f = text.split('|').map((s) => s.trim());
  if (f.length < 6) return { ok: false, error: 'fields' };
  const [number, oldId, fullName, birth, sexText, address, issue = '', ...extra] = f;
  if (!/^\d{12}$/.test(number)) return { ok: false, error: 'number' };
  if (oldId && !/^(\d{9}|\d{12})$/.test(oldId)) return { ok: false, error: 'old_id' };
  if (!fullName) return { ok: false, error: 'name' };
  const birthDate = parseDdMmYyyy(birth);
  if (!birthDate) return { ok: false, error: 'birth_date' };
  const sex = parseSex(sexText);
  if (!sex) return { ok: false, error: 'sex' };
  const issueDate = issue ? parseDdMmYyyy(issue) : null;
  if (issue && !issueDate) return { ok: false, error: 'issue_date' };
  return { ok: true, value: { number, oldId: oldId || null, fullName: fullName.replace(/\s+/g, ' '), birthDate, sex, address,
    issueDate, extra } };
}
