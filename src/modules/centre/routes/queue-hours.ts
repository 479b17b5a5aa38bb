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
  if (!app.config.queueHours) return null;
  const cal = await unitCalendar(app.db, req.unit!.id, req.log);
  const closed = queueClosed(now, (d) => cal.isWorkingDay(d));
  if (!closed) return null;
  const t = req.t;
  const lang = req.lang === 'en' ? 'en' : 'vi';
  const hours = sessionsText(undefined, lang);
  if (closed.reason === 'before_open') return t('centre.hours.before_open', { time: closed.opensAt, hours });
  const next = nextWorkingDay(cal, closed.day);
  const reason = closed.reason === 'day_off' ? cal.offReason(closed.day) : null;
  return t(closed.reason === 'day_off' ? 'centre.hours.day_off' : 'centre.hours.after_close', {
    hours, reason: reason ? ` (${lang === 'en' ? reason.en : reason.vi})` : '',
    next: next ? dmy(next) : '—', time: queueOpensAt(),
  });
}

/** Refuses to issue a number outside opening hours (409 with the sentence above). */
export async function assertQueueOpen(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const msg = await queueClosedMessage(app, req);
  if (msg) throw new AppError(409, 'queue_closed', msg);
}
