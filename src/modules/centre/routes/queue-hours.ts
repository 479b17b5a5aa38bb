import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { nextWorkingDay, unitCalendar } from '../calendar-link.js';
import { queueClosed, queueOpensAt, sessionsText } from '../domain/opening-hours.js';

const dmy = (day: string) => day.split('-').reverse().join('/');

/**
 * Why the queue is closed now, as a sentence for the citizen ("hết giờ làm việc… quay lại thứ Hai
 * 07/12/2026 từ 07:00"), or null while it is open (always null when `queueHours` is off).
 */
export async function queueClosedMessage(app: FastifyInstance, req: FastifyRequest, now = new Date()): Promise<string | null> {
  const closed = await queueClosedError(app, req, now);
  return closed && closed.text(req.t);
}

/** The 409 "queue closed" error (a message key with its values), or null while the queue is open. */
async function queueClosedError(app: FastifyInstance, req: FastifyRequest, now = new Date()): Promise<AppError | null> {
  if (!app.config.queueHours) return null;
  const cal = await unitCalendar(app.db, req.unit!.id, req.log);
  const closed = queueClosed(now, (d) => cal.isWorkingDay(d));
  if (!closed) return null;
  const hours = { vi: sessionsText(undefined, 'vi'), en: sessionsText(undefined, 'en') };
  const error = (key: string) => new AppError(409, 'queue_closed', key);
  if (closed.reason === 'before_open') return error('centre.hours.before_open').with({ time: closed.opensAt, hours });
  const next = nextWorkingDay(cal, closed.day);
  const reason = closed.reason === 'day_off' ? cal.offReason(closed.day) : null;
  return error(closed.reason === 'day_off' ? 'centre.hours.day_off' : 'centre.hours.after_close').with({
    hours, reason: reason ? { vi: ` (${reason.vi})`, en: ` (${reason.en})` } : '',
    next: next ? dmy(next) : '—', time: queueOpensAt(),
  });
}

/** Refuses to issue a number outside opening hours (409 with the sentence above). */
export async function assertQueueOpen(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const closed = await queueClosedError(app, req);
  if (closed) throw closed;
}
