import { describe, expect, it } from 'vitest';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { messages } from './i18n.js';

describe('transparency messages', () => {
  it('has every Vietnamese key in English and the reverse, with the same placeholders', () => {
    expectCompleteMessages(messages, 'transparency');
    expect(Object.keys(messages.vi).length).toBeGreaterThan(20);
  });
});
