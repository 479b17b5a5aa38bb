import { expect, test } from 'vitest';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { messages } from './i18n.js';
import { MATTERS } from './polls/rules.js';

test('every message exists in Vietnamese and English with the same placeholders', () => {
  expectCompleteMessages(messages, 'community');
  expect(Object.keys(messages.vi).length).toBeGreaterThan(20);
});

test('every kind of matter has a label and the law\'s wording used in the minutes', () => {
  for (const m of MATTERS) {
    expect(messages.vi[`community.matter.${m}`], m).toBeTruthy();
    expect(messages.vi[`community.matter_law.${m}`], m).toBeTruthy();
  }
  expect(messages.vi['community.matter_law.convention']).toBe('hương ước, quy ước');
});
