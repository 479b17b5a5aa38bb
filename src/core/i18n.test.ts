import { describe, expect, test } from 'vitest';
import { expectCompleteMessages } from '../../test/helpers/i18n.js';
import { dashboardMessages } from './dashboard/messages.js';
import { messagesFromFile, messagesOf } from './i18n.js';
import { coreMessages } from './messages.js';

describe('messages files', () => {
  test('core messages exist in Vietnamese and English with the same placeholders', () => {
    expectCompleteMessages(coreMessages, 'core');
    expectCompleteMessages(dashboardMessages, 'core.dashboard');
    expect(Object.keys(coreMessages.vi).length).toBeGreaterThan(100);
  });

  test('a file entry becomes one prefixed key per language', () => {
    expect(messagesOf('m', { 'status.a': { vi: 'Đã nhận', en: 'Received' } })).toEqual({
      vi: { 'm.status.a': 'Đã nhận' }, en: { 'm.status.a': 'Received' },
    });
  });

  test('an entry without both languages, with another language or of another shape is refused', () => {
    expect(() => messagesOf('m', { a: { vi: 'Một' } })).toThrow('"a" has no en text');
    expect(() => messagesOf('m', { a: { en: 'One' } })).toThrow('"a" has no vi text');
    expect(() => messagesOf('m', { a: { vi: 'Một', en: 'One', fr: 'Un' } })).toThrow('unknown language fr');
    expect(() => messagesOf('m', { a: ['Một', 'One'] })).toThrow('"a" is not { vi, en }');
    expect(() => messagesOf('m', [['a', 'Một', 'One']])).toThrow('not an object of keys');
  });

  test('a missing or broken file names itself', () => {
    const missing = new URL('./no-such-messages.json', import.meta.url);
    expect(() => messagesFromFile('m', missing)).toThrow(/no-such-messages\.json cannot be read/);
  });
});
