import type { MessageRow } from '../../core/i18n.js';

/** Errors thrown by the module: [key (without "calendar."), Vietnamese, English]. */
export const errorRows: MessageRow[] = [
  ['error.table_too_large', 'Bảng lịch nghỉ quá lớn (tối đa {kb} KB).', 'The holiday table is too large (at most {kb} KB).'],
  ['error.table_invalid', '{problems}', 'The holiday table is not valid: {problems}'],
];
