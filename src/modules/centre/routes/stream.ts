import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { withUnit } from '../../../core/tenancy.js';
import { eventsSince, lastEventId, type QueueEvent } from '../repo/event-repo.js';
import { flushBuffer, deliver, type QueueHub, type StreamClient } from '../realtime-hub.js';
import { queueState } from '../state.js';
import { todayStart } from '../queue-service.js';

const HEARTBEAT_MS = 15_000;

/** The id a resuming EventSource sends (`Last-Event-ID`), or `?lastEventId=` for other clients. */
function resumeFrom(req: FastifyRequest<{ Querystring: { lastEventId?: string } }>): number | null {
  const raw = req.headers['last-event-id'] ?? req.query.lastEventId;
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export const formatEvent = (e: QueueEvent): string =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e, serverTime: new Date().toISOString() })}\n\n`;

/**
 * GET /api/v1/units/:unit/queue/stream — Server-Sent Events. On every (re)connection: the calls
 * missed since Last-Event-ID, then a `state` event with the whole current state, then live events
 * and a `ping` event every 15 s (a display that hears nothing for 40 s reconnects).
 * Live events arriving during that catch-up are buffered and de-duplicated by id.
 */
export function registerStream(app: FastifyInstance, hub: QueueHub): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => { for (const r of open) r.end(); });

  app.get<{ Querystring: { lastEventId?: string } }>('/api/v1/units/:unit/queue/stream', {
    schema: { tags: ['centre'], summary: 'Luồng sự kiện gọi số (SSE)', querystring: { type: 'object', properties: { lastEventId: { type: 'string' } } } },
  }, async (req, reply) => {
    await hub.start();
    const unitId = req.unit!.id;
    const from = resumeFrom(req);
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
    raw.write('retry: 2000\n\n');
    const client: StreamClient = { unitId, buffer: [], lastSentId: from ?? 0, send: (e) => raw.write(formatEvent(e)) };
    const remove = hub.add(client);
    open.add(raw);
    // A named event (not a comment) so that a display can tell a silent, dead connection from a quiet day.
    const beat = setInterval(() => raw.write(`event: ping\ndata: {"serverTime":"${new Date().toISOString()}"}\n\n`), HEARTBEAT_MS);
    raw.on('close', () => { clearInterval(beat); remove(); open.delete(raw); });
    try {
      const now = new Date();
      // Statement order matters (read committed): the resume point is read first, so an event
      // committed after it is either in a later statement's view or in the live buffer — and the
      // buffer only skips ids up to that resume point, never past it.
      const { latest, missed, state } = await withUnit(app.db, unitId, async (trx) => ({
        latest: await lastEventId(trx, unitId),
        missed: from === null ? [] : await eventsSince(trx, unitId, from, todayStart(now)),
        state: await queueState(trx, unitId, now, req.lang),
      }));
      const base = from === null ? latest : from;
      hub.observe(unitId, latest);
      const buffered = client.buffer!;
      client.buffer = null;
      client.lastSentId = base;
      for (const e of missed) deliver(client, e);
      raw.write(`id: ${client.lastSentId}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`);
      client.buffer = buffered;
      flushBuffer(client);
    } catch (err) {
      req.log.warn({ err }, 'queue stream catch-up failed');
      raw.end();
    }
  });
}
