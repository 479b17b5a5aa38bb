import { describe, expect, it } from 'vitest';
import { canSpend, checkOtp, generateCode, hashCode, normalisePhone, OTP_MAX_ATTEMPTS, type OtpState } from './otp.js';
import { newDeviceCookie, readDeviceCookie, respondentKey } from './respondent.js';

const secret = 'test-secret';
const now = new Date('2026-03-01T02:00:00Z');
const otp = (over: Partial<OtpState> = {}): OtpState => ({
  id: 'o1', codeHash: hashCode(secret, 'o1', '123456'), expiresAt: new Date(now.getTime() + 60_000),
  attempts: 0, verifiedAt: null, usedAt: null, ...over,
});

describe('phone codes', () => {
  it('normalises Vietnamese mobile numbers', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('0212345678')).toBeNull();
    expect(normalisePhone('12345')).toBeNull();
  });
  it('generates six digits', () => {
    for (let i = 0; i < 50; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });
  it('accepts the right code once, in time, within the attempt limit', () => {
    expect(checkOtp(secret, otp(), '123456', now)).toBe('ok');
    expect(checkOtp(secret, otp(), ' 123456 ', now)).toBe('ok');
    expect(checkOtp(secret, otp(), '654321', now)).toBe('wrong');
    expect(checkOtp(secret, otp({ expiresAt: new Date(now.getTime() - 1) }), '123456', now)).toBe('expired');
    expect(checkOtp(secret, otp({ attempts: OTP_MAX_ATTEMPTS }), '123456', now)).toBe('locked');
    expect(checkOtp(secret, otp({ verifiedAt: now }), '123456', now)).toBe('used');
    expect(checkOtp('other-secret', otp(), '123456', now)).toBe('wrong');
  });
  it('lets a verified code be spent once within the hour', () => {
    expect(canSpend(otp({ verifiedAt: now }), new Date(now.getTime() + 59 * 60_000))).toBe(true);
    expect(canSpend(otp({ verifiedAt: now }), new Date(now.getTime() + 61 * 60_000))).toBe(false);
    expect(canSpend(otp({ verifiedAt: now, usedAt: now }), now)).toBe(false);
    expect(canSpend(otp(), now)).toBe(false);
  });
});

describe('device cookie', () => {
  it('round-trips a signed id and rejects tampering', () => {
    const c = newDeviceCookie(secret);
    const id = readDeviceCookie(secret, c);
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(readDeviceCookie(secret, `x${c}`)).toBeNull();
    expect(readDeviceCookie('other', c)).toBeNull();
    expect(readDeviceCookie(secret, undefined)).toBeNull();
    expect(readDeviceCookie(secret, `${c}.x`)).toBeNull();
  });
  it('derives distinct keys per survey that do not contain the id', () => {
    const a = respondentKey(secret, 's1', 'device', 'abc');
    expect(a).not.toContain('abc');
    expect(a).not.toBe(respondentKey(secret, 's2', 'device', 'abc'));
    expect(a).toBe(respondentKey(secret, 's1', 'device', 'abc'));
  });
});
