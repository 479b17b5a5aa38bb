import type { Messages } from '../../core/i18n.js';
import { en } from './i18n-en.js';
import { vi } from './i18n-vi.js';

import { feedbackDashboardMessages as d } from './i18n-dashboard.js';

export const messages: Messages = { vi: { ...vi, ...d.vi }, en: { ...en, ...d.en } };
