import { expect, test } from 'vitest';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { messages } from './i18n.js';

test('every message exists in Vietnamese and English with the same placeholders', () => {
  expectCompleteMessages(messages, 'catalogue');
  expect(Object.keys(messages.vi).length).toBeGreaterThan(20);
});
