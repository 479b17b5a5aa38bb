/**
 * ESC/POS bytes for a queue ticket on a 58/80 mm thermal printer (see docs/escpos-ticket.md).
 * Text is folded to ASCII: most cheap printers have no Vietnamese code page (CP1258), and a
 * folded "Ho tich" reads better than mojibake.
 */
export interface EscposTicket {
  unitName: string;
  serviceName: string;
  number: string;
  issuedAt: string;           // already formatted, e.g. "25/11/2026 08:30"
  ahead: number;
  estimatedWaitMin: number;
  followUrl?: string;         // printed as a QR code
  footer?: string;
}

const ESC = 0x1b;
const GS = 0x1d;
export const INIT = [ESC, 0x40];
export const CUT = [GS, 0x56, 0x42, 0x00];
const align = (n: 0 | 1 | 2) => [ESC, 0x61, n];
const size = (w: number, h: number) => [GS, 0x21, ((w - 1) << 4) | (h - 1)];
const bold = (on: boolean) => [ESC, 0x45, on ? 1 : 0];
const feed = (lines: number) => [ESC, 0x64, lines];

/** `foldToAscii('Đất đai – Xây dựng')` → `Dat dai - Xay dung` */
export function foldToAscii(text: string): string {
  return text
    .replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\n]/g, '?');
}

const text = (s: string): number[] => [...Buffer.from(foldToAscii(s) + '\n', 'ascii')];

/** GS ( k — store and print a QR code (model 2, module size 6, error correction M). */
export function qrCommands(data: string): number[] {
  const bytes = [...Buffer.from(data, 'utf8')];
  const len = bytes.length + 3;
  return [
    GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06,
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31,
    GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...bytes,
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30,
  ];
}

export function buildEscposTicket(t: EscposTicket): Buffer {
  const out: number[] = [
    ...INIT, ...align(1),
    ...bold(true), ...text(t.unitName.toUpperCase()), ...bold(false),
    ...text(t.serviceName),
    ...feed(1), ...size(4, 4), ...bold(true), ...text(t.number), ...bold(false), ...size(1, 1), ...feed(1),
    ...text(t.issuedAt),
    ...text(`Truoc ban: ${t.ahead} nguoi - Cho khoang ${t.estimatedWaitMin} phut`),
  ];
  if (t.followUrl) out.push(...feed(1), ...qrCommands(t.followUrl), ...text('Quet ma de theo doi luot cho va danh gia'));
  if (t.footer) out.push(...text(t.footer));
  out.push(...feed(3), ...CUT);
  return Buffer.from(out);
}
