import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, CHANNELS, ORGANISATIONS } from './categories.js';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { messages } from './i18n.js';
import { ACTIONS, STATUSES } from './workflow.js';

describe('feedback messages', () => {
  it('has a Vietnamese text for every English one and for every code shown', () => {
    expectCompleteMessages(messages, 'feedback');
    const shown = [
      ...CATEGORY_CODES.map((c) => `feedback.category.${c}`), ...STATUSES.map((s) => `feedback.status.${s}`),
      ...ACTIONS.map((a) => `feedback.action.${a}`), ...CHANNELS.map((c) => `feedback.channel.${c}`), ...ORGANISATIONS.map((o) => `feedback.org.${o}`),
    ];
    for (const key of shown) {
      expect(messages.vi[key], key).toBeDefined();
      expect(messages.en[key], key).toBeDefined();
    }
  });
});
