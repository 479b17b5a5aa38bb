/**
 * A simple check for personal data in texts that go public (board summary and reply): phone
 * numbers, ID card numbers (CMND 9 / CCCD 12 digits) and e-mail addresses. It cannot find names
 * or house numbers; the form warns the publisher to remove those by hand.
 */
export type PersonalDataKind = 'phone' | 'idNumber' | 'email';

/** 0xx or +84 followed by 8–10 more digits, allowing single spaces, dots or dashes between groups. */
const PHONE = /(?<![\d.,])(?:\+\s?84|0)(?:[\s.-]?\d){8,10}(?![\d])/;
/** A bare run of exactly 9 or 12 digits (money like 150.000.000 has separators and is not matched). */
const ID_NUMBER = /(?<![\d.,])(?:\d{12}|\d{9})(?![\d.,]?\d)/;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;

export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (PHONE.test(text)) found.push('phone');
  if (ID_NUMBER.test(text) && !found.includes('phone')) found.push('idNumber');
  if (EMAIL.test(text)) found.push('email');
  return found;
}
