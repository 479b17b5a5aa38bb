import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './routes-api.js';
import { registerCityRoutes } from './routes-city.js';
import { registerManualRoutes } from './routes-manual.js';
import { registerPublicRoutes } from './routes-public.js';
import { registerReportRoutes } from './routes-reports.js';
import { registerStaffRoutes } from './routes-staff.js';

export async function scoringRoutes(app: FastifyInstance): Promise<void> {
  registerApiRoutes(app);
  registerStaffRoutes(app);
  registerCityRoutes(app);
  registerReportRoutes(app);
  registerManualRoutes(app);
  registerPublicRoutes(app);
}
