import { messagesFromFile } from '../i18n.js';

/** The staff home's dashboard messages, from `messages.json` (keys without "core.dashboard."). */
export const dashboardMessages = messagesFromFile('core.dashboard', new URL('./messages.json', import.meta.url));
