import { describe, expect, test } from 'vitest';
import { CUT, INIT, buildEscposTicket, foldToAscii, qrCommands } from './escpos.js';

describe('ESC/POS ticket', () => {
  const ticket = {
    unitName: 'Phường Chu Văn An', serviceName: 'Đất đai – Xây dựng', number: 'C012',
    issuedAt: '25/11/2026 08:30', ahead: 3, estimatedWaitMin: 12, followUrl: 'http://x/chu-van-an/quay/ve/tABC',
  };
  test('folds Vietnamese to ASCII', () => {
    expect(foldToAscii('Đất đai – Xây dựng')).toBe('Dat dai - Xay dung');
    expect(foldToAscii('Phường Chu Văn An')).toBe('Phuong Chu Van An');
  });
  test('starts with init, ends with a cut, and prints the number at 4x size', () => {
    const b = buildEscposTicket(ticket);
    expect([...b.subarray(0, 2)]).toEqual(INIT);
    expect([...b.subarray(b.length - 4)]).toEqual(CUT);
    const s = b.toString('latin1');
    expect(s).toContain('\x1d\x21\x33\x1b\x45\x01C012\n');
    expect(s).toContain('PHUONG CHU VAN AN\n');
    expect(s).toContain('Truoc ban: 3 nguoi - Cho khoang 12 phut');
    expect(s).toContain(ticket.followUrl);
  });
  test('QR store command carries the data length plus three', () => {
    const q = qrCommands('abcd');
    const store = q.indexOf(0x50) - 6; // GS ( k pL pH 31 50
    expect(q[store + 3]).toBe(7);
    expect(q[store + 4]).toBe(0);
  });
  test('no byte above 0x7f outside QR data', () => {
    const b = buildEscposTicket({ ...ticket, followUrl: undefined });
    expect([...b].every((x) => x < 0x80)).toBe(true);
  });
});
