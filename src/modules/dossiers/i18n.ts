import type { Messages } from '../../core/i18n.js';
import { en } from './i18n-en.js';
import { vi } from './i18n-vi.js';

export const messages: Messages = { vi, en };
