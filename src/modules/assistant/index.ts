import { h, type VNode } from 'preact';
import type { FastifyRequest } from 'fastify';
import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { apiRoutes } from './routes-api.js';
import { pageRoutes } from './routes-pages.js';
import { assistantIndicators } from './indicators.js';
import { seedAssistantDemo } from './seed.js';
import { AssistantWidget } from './views/chat-page.js';

export { ask, type AskResult } from './service.js';

/** The catalogue pages show this form when the assistant is installed. */
export interface AssistantWidgetProvider { render(req: FastifyRequest): VNode<any> }

declare module '../../core/providers.js' {
  interface ProviderRegistry { assistantWidget: AssistantWidgetProvider }
}

export default defineModule({
  name: 'assistant',
  routes: async (app) => {
    await apiRoutes(app);
    await pageRoutes(app);
  },
  seedDemo: seedAssistantDemo,
  provides: { assistantWidget: { render: (req) => h(AssistantWidget, { req }) } },
  indicators: assistantIndicators,
  nav: [{ path: 'tro-ly', label: 'assistant.nav', description: 'assistant.nav_description', order: 12 }],
  staffNav: [{ path: 'tro-ly', label: 'assistant.staff_nav', roles: ['admin', 'leader', 'centre_officer'], order: 12 }],
  messages,
});
