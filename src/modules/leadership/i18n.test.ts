import { describe, expect, it } from 'vitest';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { messages } from './i18n.js';
import { CASE_STATUSES } from './cases.js';
import { CLASSIFICATIONS, SESSION_KINDS } from './reception.js';
import { DISCIPLINE_KINDS, TRAINING_TOPICS, VIOLATION_REASONS } from './officials.js';

describe('leadership messages', () => {
  it('has Vietnamese and English for every code shown', () => {
    expectCompleteMessages(messages, 'leadership');
    const shown = [
      ...CASE_STATUSES.map((s) => `leadership.status.${s}`), ...CLASSIFICATIONS.map((c) => `leadership.class.${c}`),
      ...SESSION_KINDS.map((k) => `leadership.kindSession.${k}`), ...DISCIPLINE_KINDS.map((k) => `leadership.discipline.${k}`),
      ...TRAINING_TOPICS.map((k) => `leadership.topic.${k}`), ...VIOLATION_REASONS.map((k) => `leadership.reason.${k}`),
      ...['received', 'accept', 'extend', 'resolve', 'escalate', 'reject', 'document'].map((k) => `leadership.event.${k}`),
      ...['new', 'reviewing', 'case', 'information'].map((k) => `leadership.conductStatus.${k}`),
      ...['planned', 'held', 'cancelled'].map((k) => `leadership.visitStatus.${k}`),
    ];
    for (const key of shown) expect(messages.vi[key], key).toBeDefined();
  });
});
