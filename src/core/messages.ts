import { messagesFromFile } from './i18n.js';

/** Core's messages (layout, login, admin pages), from `messages.json` (keys without "core."). */
export const coreMessages = messagesFromFile('core', new URL('./messages.json', import.meta.url));
