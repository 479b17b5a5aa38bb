/**
 * Photo intake: decode with sharp (so only real images pass), re-encode, and drop EXIF —
 * which carries GPS coordinates — unless the sender chose to share the location.
 * Stored in the `feedback_photos` table (bytea): one backup covers them, RLS guards them.
 */
import { sharpLib } from '../../lib/lazy-modules.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 3;
const MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'gif']);

export interface CleanPhoto {
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  bytes: Buffer;
  keptLocation: boolean;
}

export type PhotoResult = { ok: true; photo: CleanPhoto } | { ok: false; status: 413 | 415 | 422; reason: string };

/** Validate and clean one uploaded file. Never throws for bad input. */
export async function cleanPhoto(input: Buffer, shareLocation: boolean): Promise<PhotoResult> {
  if (input.length > MAX_PHOTO_BYTES) return { ok: false, status: 413, reason: 'feedback.photo.tooLarge' };
  let format: string | undefined;
  try {
    format = (await sharpLib()(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    return { ok: false, status: 415, reason: 'feedback.photo.notImage' };
  }
  if (!format || !ACCEPTED.has(format)) return { ok: false, status: 415, reason: 'feedback.photo.notImage' };
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    let pipeline = sharpLib()(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    if (shareLocation) pipeline = pipeline.keepExif();
    const out = format === 'png' ? pipeline.png() : format === 'webp' ? pipeline.webp() : pipeline.jpeg({ quality: 85 });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    const mime = format === 'png' ? 'image/png' : format === 'webp' ? 'image/webp' : 'image/jpeg';
    return { ok: true, photo: { mime, width: info.width, height: info.height, bytes: data, keptLocation: shareLocation } };
  } catch {
    return { ok: false, status: 422, reason: 'feedback.photo.corrupt' };
  }
}
