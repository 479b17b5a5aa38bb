import { describe, expect, it } from 'vitest';
import { qrSvg } from './index.js';

describe('qrSvg', () => {
  it('renders a labelled SVG', async () => {
    const svg = await qrSvg('https://example.vn/chu-van-an/thu-tuc/dang-ky-khai-sinh', { label: 'Mã QR "trang"' });
    expect(svg.startsWith('<svg role="img" aria-label="Mã QR &quot;trang&quot;"')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).not.toContain('<script');
  });
  it('hides an unlabelled code from assistive technology', async () => {
    expect(await qrSvg('x')).toContain('aria-hidden="true"');
  });
});
