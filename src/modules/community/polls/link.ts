import QRCode from 'qrcode';

/** The shareable link of a poll (fanpage, Zalo group, printed notice). */
export const pollLink = (publicUrl: string, unitSlug: string, code: string): string => `${publicUrl}/${unitSlug}/bieu-quyet/${code}`;

/** SVG QR code of the link (error correction M survives a smudged print). */
export const pollQrSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
