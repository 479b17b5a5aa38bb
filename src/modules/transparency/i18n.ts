import type { Messages } from '../../core/i18n.js';
import { en } from './i18n/en.js';
import { enExtra } from './i18n/en-extra.js';
import { vi } from './i18n/vi.js';
import { viExtra } from './i18n/vi-extra.js';

export const messages: Messages = { vi: { ...vi, ...viExtra }, en: { ...en, ...enExtra } };
