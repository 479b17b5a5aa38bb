/**
 * A small model of an official document laid out after Decree 30/2020/NĐ-CP, Appendix I:
 * issuing body and number on the left, national title + motto and place/date on the right,
 * type name and summary centred, body, signature block(s), then "Nơi nhận".
 * The same model renders to DOCX (docx.ts) and PDF (pdf.ts).
 */
import { vnParts } from '../vn-calendar/vn-time.js';

export type Block =
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean; align?: 'left' | 'center' | 'justify' }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | TableBlock
  | QrBlock;

/**
 * A bordered table, header row bold. A cell's "\n" starts a new line (blank lines leave room, e.g.
 * for a handwritten signature above a name); rows are never split across pages.
 */
export interface TableBlock {
  kind: 'table';
  columns: string[];
  rows: string[][];
  /** Column widths in per cent of the text width. */
  widths?: number[];
  /** Alignment of the body cells per column (default centred). */
  align?: Array<'left' | 'center'>;
}

/**
 * A QR code with a caption beside it (e.g. the dossier code and how to look it up). PDF: pdfmake's
 * native `qr` node (vector); DOCX: a PNG image run (made with `qrcode`).
 */
export interface QrBlock {
  kind: 'qr';
  /** The text the code carries, e.g. the public look-up link. */
  value: string;
  /** Lines printed beside the code (the first bold), e.g. the dossier code and a hint. */
  caption?: string[];
  /** Printed size in millimetres (default 25; 20–40 reads well from paper). */
  sizeMm?: number;
}

export const QR_DEFAULT_MM = 25;

export interface Signer {
  /**
   * Authority prefix line(s), top first, e.g. "TM. ỦY BAN NHÂN DÂN", or
   * ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] when a deputy signs; optional.
   */
  authority?: string | string[];
  /** Title line, e.g. "CHỦ TỊCH", "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** Hint under the title, e.g. "(Ký, ghi rõ họ tên)". */
  hint?: string;
  /** Full name, shown bold under the space left for the signature. */
  name?: string;
  /** Optional scanned signature (PNG, transparent) printed in the space above the name. */
  signature?: SignatureImage;
}

/** A signature image and its printed size (keep the image's aspect ratio; default 40 × 18 mm). */
export interface SignatureImage { png: Buffer; widthMm?: number; heightMm?: number }

export const signatureSizeMm = (s: SignatureImage): { width: number; height: number } =>
  ({ width: s.widthMm ?? 40, height: s.heightMm ?? 18 });

export interface OfficialDocument {
  /** Governing body line above the issuing body, upper case, not bold (optional). */
  governingBody?: string;
  /** Issuing body, upper case, bold, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG CHU VĂN AN"; "\n" breaks the line ("ỦY BAN NHÂN DÂN\nPHƯỜNG CHU VĂN AN"). */
  issuingBody: string;
  /** Number and symbol without "Số:", e.g. "01/TNHS". */
  number?: string;
  /** Official place name used in the date line, e.g. "Phường Chu Văn An". */
  place: string;
  date: Date;
  /** Document type name, upper case bold, e.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ". */
  typeName: string;
  summary?: string;
  /** "Kính gửi: ..." line, for letters. */
  addressee?: string;
  blocks: Block[];
  /** One signer (right) or two (left and right, e.g. applicant and officer). */
  signers: Signer[];
  /** Lines of "Nơi nhận:" (without the leading dash). */
  recipients?: string[];
  landscape?: boolean;
  /** Document title for file metadata. */
  title?: string;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * Place and date line. Decree 30 wants a leading zero for days below 10 and months 1 and 2:
 * `placeDateLine('Phường Chu Văn An', d)` → "Phường Chu Văn An, ngày 05 tháng 01 năm 2026".
 */
export function placeDateLine(place: string, date: Date): string {
  const { day, month, year } = vnParts(date);
  const monthText = month <= 2 ? twoDigits(month) : String(month);
  return `${place}, ngày ${twoDigits(day)} tháng ${monthText} năm ${year}`;
}

/** "Số: 05/QĐ-UBND" — numbers below 10 get a leading zero. */
export function numberLine(number: string | undefined): string {
  if (!number) return 'Số:        /';
  return `Số: ${number.replace(/^(\d)(?=\/)/, '0$1')}`;
}

/** The authority lines of a signer, top first (none, one or several). */
export const authorityLines = (s: Signer): string[] =>
  (Array.isArray(s.authority) ? s.authority : s.authority ? [s.authority] : []).filter(Boolean);

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Every visible text of the document in reading order (for tests and plain-text fallbacks). */
export function documentText(doc: OfficialDocument): string[] {
  const body = doc.blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return [b.text];
    if (b.kind === 'field') return [`${b.label}: ${b.value}`];
    if (b.kind === 'list') return b.items;
    if (b.kind === 'qr') return b.caption ?? [];
    return [...b.columns, ...b.rows.flat()];
  });
  return [
    doc.governingBody ?? '', ...doc.issuingBody.split('\n'), numberLine(doc.number), NATIONAL_TITLE, MOTTO,
    placeDateLine(doc.place, doc.date), doc.typeName, doc.summary ?? '', ...body,
    ...doc.signers.flatMap((s) => [...authorityLines(s), s.title, s.name ?? '']),
    ...(doc.recipients ?? []),
  ].filter(Boolean);
}
