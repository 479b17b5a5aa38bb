import QRCode from 'qrcode';

/** An SVG QR code of `text` for a page (error correction M, like the printed Mẫu 01). */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
