/**
 * Removes what could identify a person before a question is stored: e-mail addresses, phone
 * numbers (9–11 digits, spaces/dots allowed), ID numbers (CCCD 12, CMND 9 digits) and any other
 * run of 6+ digits. `redact('gọi 0912 345 678')` → `gọi [số]`.
 */
export function redact(text: string): string {
  return text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu, '[email]')
    .replace(/(?:\+?84|0)(?:[\s.-]?\d){8,10}/g, '[số]')
    .replace(/\d(?:[\s.-]?\d){5,}/g, '[số]')
    .slice(0, 500);
}
