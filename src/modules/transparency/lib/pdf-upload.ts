/** Attachments of disclosures: PDF only, at most 20 MB. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export type PdfCheck = { ok: true } | { ok: false; status: 413 | 422; reason: 'too_large' | 'not_pdf' | 'empty' };

/** Checks size first (413), then the `%PDF-` magic bytes (422); the declared content type is not trusted. */
export function checkPdf(bytes: Buffer | Uint8Array, truncated = false): PdfCheck {
  if (truncated || bytes.length > MAX_PDF_BYTES) return { ok: false, status: 413, reason: 'too_large' };
  if (bytes.length === 0) return { ok: false, status: 422, reason: 'empty' };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.startsWith('%PDF-')) return { ok: false, status: 422, reason: 'not_pdf' };
  return { ok: true };
}

/** A safe download name: keeps letters (any script), digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'tai-lieu.pdf';
  const cleaned = base.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  const withExt = cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'tai-lieu'}.pdf`;
  return withExt.slice(-120);
}
