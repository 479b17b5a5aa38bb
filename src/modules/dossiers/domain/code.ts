import { vnParts } from '../../../lib/vn-calendar/index.js';

/**
 * Dossier code (mã hồ sơ, Circular 01/2018/TT-VPCP guidance):
 * `<agency electronic code>-<yymmdd of receipt>-<4-digit daily sequence>`,
 * e.g. `000.00.00.H31-260115-0001`. The agency code is a unit setting.
 */
const CODE_RE = /^([0-9A-Z]{1,8}(?:\.[0-9A-Z]{1,8}){1,5})-(\d{6})-(\d{4,5})$/;

export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError('sequence out of range');
  const { day, month, year } = vnParts(receivedAt);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export interface ParsedDossierCode { agencyCode: string; yymmdd: string; sequence: number }

/** Parses a code typed by a citizen (trimmed, upper-cased); null when malformed. */
export function parseDossierCode(input: string): ParsedDossierCode | null {
  const m = CODE_RE.exec(input.trim().toUpperCase());
  if (!m) return null;
  return { agencyCode: m[1], yymmdd: m[2], sequence: Number(m[3]) };
}

/** The public look-up page of a dossier with its code filled in (the QR code on Mẫu 01 links here). */
export const lookupPath = (unitSlug: string, code: string) => `/${unitSlug}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;

export const normaliseDossierCode = (input: string) => input.trim().toUpperCase();

/** Last four digits of a phone number, or null when it has fewer than four digits. */
export function phoneLast4(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}
