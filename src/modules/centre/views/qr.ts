import QRCode from 'qrcode';

/** An SVG QR code of an absolute URL (our own markup, safe for RawSvg). */
export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
