import { describe, expect, it } from 'vitest';
import { normalisePhone, validateSubmission } from './validate.js';

describe('submission validation', () => {
  it('accepts a minimal anonymous submission', () => {
    const r = validateSubmission({ category: 'environment', content: 'Rác thải tồn đọng ở ngõ 12 đã ba ngày.' });
    expect(r).toEqual({
      ok: true,
      value: {
        category: 'environment', content: 'Rác thải tồn đọng ở ngõ 12 đã ba ngày.', name: null, phone: null,
        email: null, lat: null, lng: null, address: null, shareLocation: false,
      },
    });
  });

  it('normalises phone, email and coordinates', () => {
    const r = validateSubmission({
      category: 'infrastructure', content: 'Đèn đường hỏng trước số nhà 25.', phone: '+84 912 345 678',
      email: 'Hoa@Example.VN', lat: '20,8561', lng: '106.6822', shareLocation: 'on',
    });
    expect(r.ok && r.value).toMatchObject({ phone: '0912345678', email: 'hoa@example.vn', lat: 20.8561, lng: 106.6822, shareLocation: true });
  });

  it('reports every bad field with a message key', () => {
    const r = validateSubmission({ category: 'weather', content: 'ngắn', phone: '12345', email: 'x@', lat: '91' });
    expect(r).toEqual({
      ok: false,
      errors: {
        category: 'feedback.error.category', content: 'feedback.error.contentShort', phone: 'feedback.error.phone',
        email: 'feedback.error.email', lat: 'feedback.error.location',
      },
    });
  });

  it('requires both coordinates or none', () => {
    expect(validateSubmission({ category: 'other', content: 'Nội dung đủ dài để gửi.', lat: '20.8' }).ok).toBe(false);
  });

  it('knows Vietnamese phone numbers', () => {
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('091234567')).toBeNull();
  });
});
