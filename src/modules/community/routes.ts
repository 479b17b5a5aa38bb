import type { FastifyInstance } from 'fastify';
import { communityContext } from './context.js';
import { registerApiRoutes } from './routes-api.js';
import { registerBroadcastRoutes } from './routes-broadcasts.js';
import { registerHouseholdRoutes } from './routes-households.js';
import { registerImportRoutes } from './routes-import.js';
import { registerOverviewRoutes } from './routes-overview.js';
import { registerPollPublicRoutes } from './routes-polls-public.js';
import { registerPollStaffRoutes } from './routes-polls-staff.js';

export async function communityRoutes(app: FastifyInstance): Promise<void> {
  const ctx = communityContext(app);
  registerOverviewRoutes(app);
  registerHouseholdRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerPollStaffRoutes(app);
  registerPollPublicRoutes(app, ctx);
  registerApiRoutes(app, ctx);
  registerBroadcastRoutes(app);
}
