import type { OfficialDocument, Signer } from '../../../lib/documents/index.js';
import { KIND_SPECS, letterNumber, type LetterKind } from './kinds.js';
import { paragraphsOf } from './template.js';
import { vnInstant } from '../../../lib/vn-calendar/index.js';

/** What a printed letter needs: the register row and the unit's signer. */
export interface LetterForPrint {
  kind: LetterKind;
  seq: number;
  status: string;
  honorific: string;
  recipient_name: string;
  recipient_address: string | null;
  subject: string;
  body: string;
  issued_on: string;
  with_signature: boolean;
}

export interface SignerSettings {
  signer_name: string;
  signer_title: string;
  signer_authority: string;
  signature_png: Buffer | null;
  signature_width_mm: number | null;
  signature_height_mm: number | null;
}

/** Midday in Vietnam of a 'YYYY-MM-DD' date, so the printed date never slips a day. */
const noonVn = (isoDate: string) => vnInstant(isoDate, 12 * 60);

function signer(s: SignerSettings, withSignature: boolean): Signer {
  return {
    authority: s.signer_authority || undefined,
    title: s.signer_title || 'CHỦ TỊCH',
    name: s.signer_name || undefined,
    signature: withSignature && s.signature_png
      ? { png: s.signature_png, widthMm: s.signature_width_mm ?? undefined, heightMm: s.signature_height_mm ?? undefined }
      : undefined,
  };
}

/**
 * The letter in the official layout (Decree 30/2020): the ward's People's Committee as issuing
 * body, number "05/TCM-UBND", place and date, type name, summary (the subject), "Kính gửi",
 * body, signature block, "Nơi nhận".
 * @example letterDocument(letter, settings, 'Phường Chu Văn An').number // '5/TCM-UBND'
 */
export function letterDocument(l: LetterForPrint, s: SignerSettings, unitName: string): OfficialDocument {
  const spec = KIND_SPECS[l.kind];
  const addressee = `${l.honorific} ${l.recipient_name}`;
  return {
    issuingBody: `ỦY BAN NHÂN DÂN\n${unitName.toUpperCase()}`,
    number: letterNumber(l.kind, l.seq),
    place: unitName,
    date: noonVn(l.issued_on),
    typeName: spec.typeName,
    summary: l.subject,
    addressee: l.recipient_address ? `${addressee} (${l.recipient_address})` : addressee,
    blocks: paragraphsOf(l.body).map((text) => ({ kind: 'paragraph' as const, text })),
    signers: [signer(s, l.with_signature)],
    recipients: [`${addressee};`, 'Lưu: VT, VHXH.'],
    title: `${spec.typeName} ${letterNumber(l.kind, l.seq)} — ${addressee}`,
  };
}
