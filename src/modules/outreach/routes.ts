import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './routes-api.js';
import { registerContributorRoutes } from './routes-contributors.js';
import { registerGreetingRoutes } from './routes-greetings.js';
import { registerFromDossierRoutes } from './routes-from-dossier.js';
import { registerInitiativeRoutes } from './routes-initiatives.js';
import { registerLetterRoutes } from './routes-letters.js';
import { registerMergeRoutes } from './routes-merge.js';
import { registerTemplateRoutes } from './routes-templates.js';
import { registerVolunteerRoutes } from './routes-volunteers.js';

export async function outreachRoutes(app: FastifyInstance): Promise<void> {
  registerLetterRoutes(app);
  registerFromDossierRoutes(app);
  registerTemplateRoutes(app);
  registerMergeRoutes(app);
  registerInitiativeRoutes(app);
  registerVolunteerRoutes(app);
  registerGreetingRoutes(app);
  registerContributorRoutes(app);
  registerApiRoutes(app);
}
