import { expect, test } from 'vitest';
import { expectCompleteMessages } from '../../../test/helpers/i18n.js';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES } from './domain/states.js';
import { CHANNELS } from './domain/types.js';
import { messages } from './i18n.js';

test('every message exists in Vietnamese and English with the same placeholders', () => {
  expectCompleteMessages(messages, 'dossiers');
  expect(Object.keys(messages.vi).length).toBeGreaterThan(20);
});

test('every status, action, channel and timing printed on the forms has a label', () => {
  const shown = [
    ...DOSSIER_STATUSES.map((s) => `dossiers.status.${s}`), ...CHANNELS.map((c) => `dossiers.channel.${c}`),
    ...[...DOSSIER_ACTIONS, 'receive', 'apologise', 'apology_sent', 'import'].map((a) => `dossiers.action.${a}`),
    ...['early', 'on_time', 'late'].map((k) => `dossiers.timing.${k}`),
  ];
  for (const key of shown) expect(messages.vi[key], key).toBeDefined();
});
