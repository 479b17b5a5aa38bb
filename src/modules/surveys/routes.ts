import type { FastifyInstance } from 'fastify';
import { surveyContext } from './context.js';
import { registerApiRoutes } from './routes-api.js';
import { registerBuilderRoutes } from './routes-builder.js';
import { registerOtpRoutes } from './routes-otp.js';
import { registerPaperRoutes } from './routes-paper.js';
import { registerPublicRoutes } from './routes-public.js';
import { registerResultsRoutes } from './routes-results.js';
import { registerStaffRoutes } from './routes-staff.js';

export async function surveyRoutes(app: FastifyInstance): Promise<void> {
  const ctx = surveyContext(app);
  registerPublicRoutes(app, ctx);
  registerOtpRoutes(app, ctx);
  registerPaperRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerBuilderRoutes(app);
  registerResultsRoutes(app);
  registerApiRoutes(app, ctx);
}
