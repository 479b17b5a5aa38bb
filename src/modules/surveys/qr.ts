import QRCode from 'qrcode';

/** The link a QR code carries: the survey with ?kenh=qr so answers count as the QR channel. */
export const qrLink = (publicUrl: string, unitSlug: string, surveySlug: string): string =>
  `${publicUrl}/${unitSlug}/khao-sat/${surveySlug}?kenh=qr`;

/** An SVG QR code (error correction M survives a smudged print). */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
