/**
 * For tests only: reads a QR code the way a phone would, with libraries independent of ours —
 * sharp rasterises the SVG (or takes a screenshot PNG), jsQR finds and decodes the symbol, and
 * vietnam-qr-pay (the standard open-source VietQR decoder) parses the payload and checks its CRC.
 */
import { createRequire } from 'node:module';
import { QRPay } from 'vietnam-qr-pay';
import { sharpLib } from '../../lib/lazy-modules.js';

/** jsqr is CommonJS whose module.exports is the function (its types declare a default export). */
const jsQR = createRequire(import.meta.url)('jsqr') as (typeof import('jsqr'))['default'];

/** Text of the QR code in an SVG document or a PNG/JPEG image; throws when none is found. */
export async function decodeQrImage(image: string | Buffer): Promise<string> {
  const input = typeof image === 'string' ? Buffer.from(image) : image;
  const { data, info } = await sharpLib()(input, typeof image === 'string' ? { density: 600 } : {})
    .flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}

export interface DecodedVietQr {
  valid: boolean; provider: string | undefined; bankBin: string | undefined; accountNumber: string | undefined;
  amount: number | null; purpose: string | undefined; currency: string | undefined; country: string | undefined; crc: string | undefined;
}

/** Parses a VietQR payload with vietnam-qr-pay; `valid` is false for a bad CRC or structure. */
export function decodeVietQrStandard(payload: string): DecodedVietQr {
  const qr = new QRPay(payload);
  return {
    valid: qr.isValid, provider: qr.provider?.name, bankBin: qr.consumer?.bankBin, accountNumber: qr.consumer?.bankNumber,
    amount: qr.amount === undefined ? null : Number(qr.amount), purpose: qr.additionalData?.purpose,
    currency: qr.currency, country: qr.nation, crc: qr.crc,
  };
}

/** The inner SVG of the first `<div class="… {className} …">` holding one (RawSvg output). */
export function svgInside(html: string, className: string): string {
  const m = new RegExp(`<div class="[^"]*\\b${className}\\b[^"]*"[^>]*>(<svg[\\s\\S]*?</svg>)\\s*</div>`).exec(html);
  if (!m) throw new Error(`no SVG in .${className}`);
  return m[1];
}
