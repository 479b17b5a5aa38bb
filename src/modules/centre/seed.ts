import { uuidv7 } from 'uuidv7';
import type { SeedContext } from '../../core/module.js';
import { withUnit } from '../../core/tenancy.js';
import { isWeekday } from './domain/booking-slots.js';
import { REASONS, type Reason } from './domain/rating-rules.js';
import { addDays, vnDateOf, vnInstant } from '../../lib/vn-calendar/index.js';
import { saveCounter, saveService } from './repo/config-repo.js';
import { getSettings } from './repo/settings-repo.js';
import type { Trx } from './repo/types.js';
import { DEMO_COUNTERS, DEMO_DAILY_ARRIVALS, DEMO_SERVICES, seededRandom } from './seed-config.js';
import { simulateDay, type SimService, type SimTicket } from './seed-simulation.js';

const HISTORY_WORKING_DAYS = 15;

/** Configures the demo ward's services and counters, then adds three weeks of history. */
export async function seedCentreDemo(ctx: SeedContext): Promise<void> {
  await withUnit(ctx.db, ctx.unitId, async (trx) => {
    const settings = await getSettings(trx, ctx.unitId);
    const ids: Record<string, string> = {};
    for (const s of DEMO_SERVICES) ids[s.code] = await saveService(trx, ctx.unitId, s);
    const counterIds: Record<number, string> = {};
    for (const c of DEMO_COUNTERS) {
      counterIds[c.number] = await saveCounter(trx, ctx.unitId, { number: c.number, name: c.name, active: true, service_ids: c.services.map((s) => ids[s]) });
    }
    const services: SimService[] = DEMO_SERVICES.map((s) => ({
      id: ids[s.code], code: s.code, prefix: s.prefix, meanServiceS: s.default_service_s, arrivals: DEMO_DAILY_ARRIVALS[s.code],
    }));
    const counters = DEMO_COUNTERS.map((c) => ({ id: counterIds[c.number], serviceIds: c.services.map((s) => ids[s]) }));
    const rnd = seededRandom(20261125);
    for (const day of pastWorkingDays(ctx.now, HISTORY_WORKING_DAYS)) {
      const tickets = simulateDay(day, services, counters, rnd, settings.priority_head_start_s);
      await insertHistory(trx, ctx.unitId, day, tickets, rnd);
    }
    await insertReceptionRatings(trx, ctx.unitId, pastWorkingDays(ctx.now, HISTORY_WORKING_DAYS), rnd);
  });
}

export function pastWorkingDays(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let d = 1; out.length < n && d < 60; d++) {
    const day = addDays(vnDateOf(now), -d);
    if (isWeekday(day)) out.unshift(day);
  }
  return out;
}

const GOOD: Reason[] = ['friendly', 'fast', 'clear_guidance'];
const BAD: Reason[] = REASONS.filter((r) => !GOOD.includes(r));
const COMMENTS = ['Cán bộ hướng dẫn tận tình, dễ hiểu.', 'Thủ tục nhanh gọn, cảm ơn quầy.', 'Phải chờ hơi lâu vào giờ cao điểm.', 'Nên có thêm ghế ngồi chờ.'];

async function insertHistory(trx: Trx, unitId: string, day: string, tickets: SimTicket[], rnd: () => number): Promise<void> {
  const rows = tickets.map((t) => ({
    id: uuidv7(), unit_id: unitId, service_id: t.serviceId, day, seq: t.seq, number: t.number,
    priority_group: t.priorityGroup, source: rnd() < 0.08 ? 'booking' : 'kiosk', status: t.status,
    counter_id: t.counterId, created_at: new Date(t.arrivedAtMs), called_at: t.calledAt,
    started_at: t.status === 'done' ? t.calledAt : null, finished_at: t.finishedAt,
  }));
  if (rows.length) await trx.insertInto('centre_tickets').values(rows).execute();
  const ratings = rows.filter((r) => r.status === 'done' && rnd() < 0.6).map((r) => {
    const x = rnd();
    const score = x < 0.8 ? 'satisfied' : x < 0.95 ? 'normal' : 'unsatisfied';
    const pool = score === 'satisfied' ? GOOD : BAD;
    return {
      unit_id: unitId, kind: 'counter', channel: rnd() < 0.7 ? 'device' : 'qr', ticket_id: r.id, counter_id: r.counter_id,
      service_id: r.service_id, score, reasons: score === 'normal' && rnd() < 0.5 ? [] : [pool[Math.floor(rnd() * pool.length)]],
      comment: rnd() < 0.08 ? COMMENTS[Math.floor(rnd() * COMMENTS.length)] : null,
      created_at: new Date(r.finished_at!.getTime() + 30_000),
    };
  });
  if (ratings.length) await trx.insertInto('centre_ratings').values(ratings).execute();
}

/** A few rated citizen-reception sessions (one a week, several citizens each). */
async function insertReceptionRatings(trx: Trx, unitId: string, days: string[], rnd: () => number): Promise<void> {
  const rows = days.filter((_, i) => i % 5 === 2).flatMap((day) => Array.from({ length: 3 }, (_, k) => {
    const nonce = uuidv7();
    const x = rnd();
    return {
      token: { nonce, unit_id: unitId, reference: `Tiếp công dân định kỳ ngày ${day.split('-').reverse().join('/')} – Chủ tịch UBND phường` },
      rating: {
        unit_id: unitId, kind: 'reception', channel: 'qr', reception_nonce: nonce,
        reception_ref: `Tiếp công dân định kỳ ngày ${day.split('-').reverse().join('/')} – Chủ tịch UBND phường`,
        score: x < 0.7 ? 'satisfied' : x < 0.9 ? 'normal' : 'unsatisfied', reasons: [],
        created_at: new Date(vnInstant(day, 9 * 60).getTime() + k * 20 * 60_000),
      },
    };
  }));
  if (!rows.length) return;
  await trx.insertInto('centre_reception_tokens').values(rows.map((r) => r.token)).execute();
  await trx.insertInto('centre_ratings').values(rows.map((r) => r.rating)).execute();
}
