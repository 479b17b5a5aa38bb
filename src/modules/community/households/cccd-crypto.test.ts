import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cccdHmac, cccdKeys, decryptCccd, encryptCccd, maskCccd } from './cccd-crypto.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'cccd-'));

describe('CCCD numbers at rest', () => {
  const keys = cccdKeys(dir());
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encryptCccd(keys, '031090123456');
    const b = encryptCccd(keys, '031090123456');
    expect(a).not.toBe(b);
    expect(a).not.toContain('031090123456');
    expect(a).toMatch(/^v1\./);
    expect(decryptCccd(keys, a)).toBe('031090123456');
  });
  it('refuses another installation key and a tampered text', () => {
    const a = encryptCccd(keys, '031090123456');
    expect(decryptCccd(cccdKeys(dir()), a)).toBeNull();
    const parts = a.split('.');
    parts[3] = Buffer.from('999999999999').toString('base64url');
    expect(decryptCccd(keys, parts.join('.'))).toBeNull();
    expect(decryptCccd(keys, 'garbage')).toBeNull();
  });
  it('finds duplicates by HMAC without the number', () => {
    expect(cccdHmac(keys, '031090123456')).toBe(cccdHmac(keys, '031090123456'));
    expect(cccdHmac(keys, '031090123456')).not.toBe(cccdHmac(keys, '031090123457'));
    expect(cccdHmac(keys, '031090123456')).not.toContain('0310');
  });
  it('masks all but the province code and the last two digits', () => {
    expect(maskCccd('031090123456')).toBe('031*******56');
    expect(maskCccd(null)).toBe('');
  });
});
