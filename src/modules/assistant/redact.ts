/**
 * Removes what could identify a person before a question is stored: e-mail addresses and any run
 * of 6+ digits (phones with spaces, dots or +84; CCCD and CMND numbers).
 * `redact('gọi 0912 345 678')` → `gọi [số]`.
 */
export function redact(text: string): string {
  return text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu, '[email]')
    .replace(/\+?\d(?:[\s.-]?\d){5,}/g, '[số]')
    .slice(0, 500);
}
