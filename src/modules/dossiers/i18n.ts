import { messagesFrom } from '../../core/i18n.js';
import { errorRows } from './i18n-errors.js';
import type { Messages } from '../../core/i18n.js';
import { en } from './i18n-en.js';
import { vi } from './i18n-vi.js';
import { dossierDashboardMessages as d } from './i18n-dashboard.js';

const e = messagesFrom('dossiers', errorRows);
export const messages: Messages = { vi: { ...vi, ...d.vi, ...e.vi }, en: { ...en, ...d.en, ...e.en } };
