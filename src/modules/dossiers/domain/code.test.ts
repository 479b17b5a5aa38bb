import { describe, expect, test } from 'vitest';
import { formatDossierCode, parseDossierCode, phoneLast4 } from './code.js';

describe('dossier code', () => {
  test('agency code, Vietnam date of receipt, four-digit daily sequence', () => {
    // 17:30 UTC on 14/01 is 00:30 on 15/01 in Vietnam.
    expect(formatDossierCode('000.00.00.H31', new Date('2026-01-14T17:30:00Z'), 1)).toBe('000.00.00.H31-260115-0001');
    expect(formatDossierCode('000.00.00.H31', new Date('2026-11-25T03:00:00Z'), 123)).toBe('000.00.00.H31-261125-0123');
  });
  test('parses what it prints and rejects junk', () => {
    expect(parseDossierCode(' 000.00.00.h31-260115-0001 ')).toEqual({ agencyCode: '000.00.00.H31', yymmdd: '260115', sequence: 1 });
    expect(parseDossierCode('hello')).toBeNull();
    expect(parseDossierCode("000.00.00.H31-260115-0001' or 1=1")).toBeNull();
  });
  test('sequence must be positive', () => {
    expect(() => formatDossierCode('000.00.00.H31', new Date(), 0)).toThrow();
  });
  test('phone suffix', () => {
    expect(phoneLast4('0912 345 678')).toBe('5678');
    expect(phoneLast4('12')).toBeNull();
  });
});
