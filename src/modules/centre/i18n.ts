import type { Messages } from '../../core/i18n.js';
import { vi } from './i18n-vi.js';
import { en } from './i18n-en.js';

export const centreMessages: Messages = { vi, en };
