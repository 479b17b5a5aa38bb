import { messagesFrom } from '../../core/i18n.js';
import { errorRows } from './i18n-errors.js';
import type { Messages } from '../../core/i18n.js';
import { vi } from './i18n-vi.js';
import { en } from './i18n-en.js';

import { centreDashboardMessages as d } from './i18n-dashboard.js';
import { centreCitizenMessages as c } from './i18n-citizen.js';

const e = messagesFrom('centre', errorRows);
export const centreMessages: Messages = { vi: { ...vi, ...d.vi, ...c.vi, ...e.vi }, en: { ...en, ...d.en, ...c.en, ...e.en } };
