import type { FastifyInstance } from 'fastify';
import { QueueHub } from '../realtime-hub.js';
import { registerQueueApi } from './api-queue.js';
import { registerRatingApi } from './api-ratings.js';
import { registerExtraApi } from './api-extra.js';
import { registerStream } from './stream.js';

export async function centreRoutes(app: FastifyInstance): Promise<void> {
  const hub = new QueueHub(app);
  app.addHook('onReady', async () => { await hub.start(); });
  registerQueueApi(app);
  registerRatingApi(app);
  registerExtraApi(app);
  registerStream(app, hub);
}
