import type { FastifyInstance } from 'fastify';
import { calendarRoutes } from './calendar.js';
import { directoryRoutes } from './directory.js';
import { disclosureRoutes } from './disclosures.js';
import { staffDisclosureRoutes } from './disclosures-staff.js';
import { posterRoutes } from './posters.js';
import { receptionRoutes } from './reception.js';
import { reviewRoutes } from './review.js';
import { statsRoutes } from './stats.js';

/** Every route of the transparency module (public pages, JSON API, feeds, staff screens). */
export async function transparencyRoutes(app: FastifyInstance): Promise<void> {
  await directoryRoutes(app);
  await calendarRoutes(app);
  await receptionRoutes(app);
  await disclosureRoutes(app);
  await staffDisclosureRoutes(app);
  await statsRoutes(app);
  await reviewRoutes(app);
  await posterRoutes(app);
}
