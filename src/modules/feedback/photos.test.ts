import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES, cleanPhoto } from './photos.js';

/** A real JPEG carrying EXIF with a GPS block (written by sharp itself). */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 51/1 0/1' } })
    .toBuffer();
}

describe('photo cleaning', () => {
  it('strips EXIF (and so GPS) unless the sender shares the location', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const stripped = await cleanPhoto(input, false);
    expect(stripped.ok).toBe(true);
    if (!stripped.ok) return;
    expect(stripped.photo.mime).toBe('image/jpeg');
    expect(stripped.photo.width).toBe(40);
    expect((await sharp(stripped.photo.bytes).metadata()).exif).toBeUndefined();
    const kept = await cleanPhoto(input, true);
    expect(kept.ok && (await sharp(kept.photo.bytes).metadata()).exif).toBeTruthy();
  });

  it('rejects what is not an image with 415', async () => {
    const r = await cleanPhoto(Buffer.from('%PDF-1.4 not an image'), false);
    expect(r).toMatchObject({ ok: false, status: 415 });
  });

  it('rejects an image that is too large with 413', async () => {
    const r = await cleanPhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1), false);
    expect(r).toMatchObject({ ok: false, status: 413 });
  });

  it('rejects a truncated image with 415 or 422', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } }).png().toBuffer();
    const r = await cleanPhoto(png.subarray(0, 60), false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([415, 422]).toContain(r.status);
  });
});
