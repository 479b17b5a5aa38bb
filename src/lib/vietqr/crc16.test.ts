import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16CcittFalse } from './crc16.js';

/** Independent table-driven implementation, written differently on purpose. */
function tableCrc(text: string): string {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = (c & 0x8000) !== 0 ? (c << 1) ^ 0x1021 : c << 1;
    return c & 0xffff;
  });
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = ((crc << 8) & 0xffff) ^ table[((crc >> 8) ^ byte) & 0xff];
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('crc16CcittFalse', () => {
  it('gives the catalogue check value for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });
  it('gives FFFF for the empty string (init value, no final xor)', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
  });
  it('matches an independent table-driven implementation', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(crc16CcittFalse(s)).toBe(tableCrc(s));
    }));
  });
});
