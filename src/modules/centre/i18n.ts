import type { Messages } from '../../core/i18n.js';
import { vi } from './i18n-vi.js';
import { en } from './i18n-en.js';

import { centreDashboardMessages as d } from './i18n-dashboard.js';
import { centreCitizenMessages as c } from './i18n-citizen.js';

export const centreMessages: Messages = { vi: { ...vi, ...d.vi, ...c.vi }, en: { ...en, ...d.en, ...c.en } };
