import { describe, expect, it } from 'vitest';
import { synthesiseVietnamese } from './tts.js';

describe('loudspeaker speech', () => {
  it('speaks a Vietnamese script into a WAV file whose length follows the text', async () => {
    const short = await synthesiseVietnamese('Thông báo.');
    const long = await synthesiseVietnamese('Thông báo của Ủy ban nhân dân phường về lịch tiêm chủng mở rộng cho trẻ em tại nhà văn hóa tổ dân phố.');
    expect(short.subarray(0, 4).toString()).toBe('RIFF');
    expect(short.subarray(8, 12).toString()).toBe('WAVE');
    expect(long.length).toBeGreaterThan(short.length * 3);
  });
});
