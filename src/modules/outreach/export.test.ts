import { describe, expect, test } from 'vitest';
import { LETTER_KINDS } from './domain/kinds.js';
import { registerCells } from './export.js';
import { CHANNELS, STATUSES } from './letters-service.js';
import type { LetterRow } from './repo-letters.js';

const letter = (over: Partial<LetterRow>): LetterRow => ({
  id: 'l1', unit_id: 'u1', kind: 'thanks', year: 2026, seq: 7, status: 'signed', channel: 'post', recipient_name: 'Trần Thị Bích',
  honorific: 'Chị', recipient_address: null, recipient_email: null, recipient_phone: null, birth_year: null, gender: null,
  subject: 'Cảm ơn', body: '', source: 'manual', source_ref: null, fields: {}, with_signature: false, issued_on: '2026-03-09',
  created_at: new Date(), created_by: null, signed_at: null, sent_at: null, handed_over_at: null, deleted_at: null, ...over,
});

describe('letter register cells', () => {
  test('kind, status and channel are the Vietnamese labels of the module messages', () => {
    const cells = registerCells(letter({}));
    expect(cells.slice(2, 5)).toEqual(['Thư cảm ơn', '09/03/2026', 'Chị']);
    expect(cells.slice(8, 10)).toEqual(['Đã ký', 'Bưu điện']);
  });

  test('every kind, status and channel has a label (never a bare code or key)', () => {
    for (const kind of LETTER_KINDS) for (const status of STATUSES) for (const channel of CHANNELS) {
      const cells = registerCells(letter({ kind, status, channel }));
      for (const label of [cells[2], cells[8], cells[9]]) expect(label).not.toMatch(/^outreach\.|^[a-z_]+$/);
    }
  });
});
