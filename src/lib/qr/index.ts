import QRCode from 'qrcode';

/**
 * SVG markup of a QR code (no external resources; prints crisply) — the one QR helper of the
 * app (PNG for Word documents and the module count for PDF drawings below).
 * Error correction M suits payment codes and short URLs read from paper (it survives a worn print).
 * With `label` the SVG is an image with that accessible name (`role="img" aria-label`); without,
 * it is hidden from assistive technology, for a QR placed in a labelled wrapper (`RawSvg`).
 */
export async function qrSvg(text: string, options: { margin?: number; label?: string } = {}): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: options.margin ?? 2 });
  const label = options.label ? ` role="img" aria-label="${escapeAttr(options.label)}"` : ' aria-hidden="true"';
  return svg.replace('<svg ', `<svg${label} focusable="false" `);
}

/** PNG of a QR code for Word documents (8 px a module, quiet zone of one module). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 });
}

/** Modules per side of the QR code of `text` (same error correction as the drawings above). */
export function qrModuleCount(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
