import { messagesFromFile } from '../../core/i18n.js';

/** The module's messages, from `messages.json` (shape: MessageFile in src/core/i18n.ts; keys without "leadership."). */
export const messages = messagesFromFile('leadership', new URL('./messages.json', import.meta.url));
