import { AppError } from '../../core/errors.js';
import { renderDocx, renderPdf, type OfficialDocument } from '../../lib/documents/index.js';
import { letterDocument, type SignerSettings } from './domain/document.js';
import { KIND_SLUGS } from './domain/kinds.js';
import * as repo from './repo-letters.js';
import type { LetterRow, Trx } from './repo-letters.js';

const NO_SIGNER: SignerSettings = {
  signer_name: '', signer_title: 'CHỦ TỊCH', signer_authority: 'TM. ỦY BAN NHÂN DÂN',
  signature_png: null, signature_width_mm: null, signature_height_mm: null,
};

export async function signerSettings(trx: Trx, unitId: string): Promise<SignerSettings> {
  return ((await repo.settingsOf(trx, unitId)) as SignerSettings | undefined) ?? NO_SIGNER;
}

/** The official document of a letter of the register. */
export async function documentOfLetter(trx: Trx, unit: { id: string; name: string }, id: string): Promise<{ letter: LetterRow; doc: OfficialDocument }> {
  const letter = await repo.getLetter(trx, unit.id, id);
  if (!letter || letter.deleted_at) throw AppError.notFound('outreach.error.letter_not_found');
  return { letter, doc: letterDocument(letter, await signerSettings(trx, unit.id), unit.name) };
}

export const renderLetter = (doc: OfficialDocument, format: 'pdf' | 'docx'): Promise<Buffer> =>
  format === 'pdf' ? renderPdf(doc) : renderDocx(doc);

/** "thu-chuc-mung-ket-hon-2026-05.pdf" */
export const letterFileName = (l: Pick<LetterRow, 'kind' | 'year' | 'seq'>, format: string): string =>
  `thu-${KIND_SLUGS[l.kind]}-${l.year}-${String(l.seq).padStart(2, '0')}.${format}`;

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Public paths of a letter's files (staff-only routes). */
export const letterFileUrls = (unitSlug: string, id: string) => ({
  pdf_url: `/api/v1/units/${unitSlug}/letters/${id}.pdf`,
  docx_url: `/api/v1/units/${unitSlug}/letters/${id}.docx`,
});
