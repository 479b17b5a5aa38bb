import { messagesFromFile } from '../../core/i18n.js';

/** The module's messages, from `messages.json` (shape: MessageFile in src/core/i18n.ts; keys without "feedback."). */
export const messages = messagesFromFile('feedback', new URL('./messages.json', import.meta.url));
