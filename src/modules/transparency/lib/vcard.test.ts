import { describe, expect, it } from 'vitest';
import { buildVCard, escapeVCardText, foldLine, splitVietnameseName, telUri } from './vcard.js';

const person = {
  id: '0190a5b2-0000-7000-8000-000000000001', fullName: 'Nguyễn Văn Thương', title: 'Chủ tịch UBND phường',
  duties: 'Lãnh đạo chung; phụ trách nội chính, quốc phòng,\nan ninh', organisation: 'UBND phường Chu Văn An',
  department: null, phone: '0912 345 678', email: 'chutich@chuvanan.example.vn',
};

describe('vCard', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeVCardText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });
  it('folds at 75 octets without splitting a Vietnamese character', () => {
    const line = 'NOTE:' + 'Phường Chu Văn An '.repeat(10);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
  it('splits a Vietnamese name family-first and normalises phones', () => {
    expect(splitVietnameseName('Nguyễn Văn Thương')).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'Thương' });
    expect(telUri('0912 345 678')).toBe('+84912345678');
  });
  it('builds a 3.0 card with CRLF and escaped values', () => {
    const card = buildVCard(person, '3.0');
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card).toContain('N:Nguyễn;Thương;Văn;;');
    expect(card).toContain('TEL;TYPE=WORK,VOICE:0912 345 678');
    expect(card.replace(/\r\n /g, '')).toContain('NOTE:Lãnh đạo chung\\; phụ trách nội chính\\, quốc phòng\\,\\nan ninh');
    expect(card.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  });
  it('builds a 4.0 card with a tel URI', () => {
    const card = buildVCard(person, '4.0');
    expect(card).toContain('VERSION:4.0');
    expect(card).toContain('TEL;VALUE=uri;TYPE=work,voice:tel:+84912345678');
  });
});
