import type { FastifyInstance } from 'fastify';
import { QueueHub } from '../realtime-hub.js';
import { registerQueueApi } from './api-queue.js';
import { registerRatingApi } from './api-ratings.js';
import { registerExtraApi } from './api-extra.js';
import { registerStream } from './stream.js';
import { registerKioskPages } from './kiosk-pages.js';
import { registerDisplayPages } from './display-pages.js';
import { registerRatingPages } from './rating-pages.js';
import { registerCounterPages } from './counter-pages.js';
import { registerAdminPages } from './admin-pages.js';
import { registerStatsPages } from './stats-pages.js';
import { registerReceptionPages } from './reception-pages.js';
import { registerBookingPages } from './booking-pages.js';
import { registerDevicePages } from './device-pages.js';

export async function centreRoutes(app: FastifyInstance): Promise<void> {
  const hub = new QueueHub(app);
  app.addHook('onReady', async () => { await hub.start(); });
  app.addHook('onClose', async () => { hub.stop(); });
  registerQueueApi(app);
  registerRatingApi(app);
  registerExtraApi(app);
  registerStream(app, hub);
  registerKioskPages(app);
  registerDisplayPages(app);
  registerRatingPages(app);
  registerBookingPages(app);
  registerAdminPages(app);
  registerStatsPages(app);
  registerReceptionPages(app);
  registerDevicePages(app);
  registerCounterPages(app);
}
