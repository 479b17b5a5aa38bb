/** Statistics computed from stored items: public board figures and the scoring indicators. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { vnDaySql } from '../../core/sql-vn-time.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { intakeCoverageForYear } from './intake-register.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';

export interface FeedbackStats {
  total: number;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered, 0..1; null when nothing was answered. */
  onTimeRate: number | null;
  overdueOpen: number;
  averageRating: number | null;
}

const OPEN = ['received', 'classified', 'assigned', 'in_progress'];

/** Items received in [from, to) (Vietnam days), overdue counted as of `today`. */
export async function statsFor(trx: FeedbackTrx, from: string, to: string, today: string): Promise<FeedbackStats> {
  const inRange = sql<boolean>`${vnDaySql('received_at')} >= ${from}::date
    and ${vnDaySql('received_at')} < ${to}::date`;
  const groups = await trx.selectFrom('feedback')
    .select(['category', 'status', sql<number>`count(*)::int`.as('n')])
    .where(inRange).groupBy(['category', 'status']).execute();
  const totals = await trx.selectFrom('feedback')
    .select([
      sql<number>`count(*) filter (where answered_at is not null)::int`.as('answered'),
      sql<number>`count(*) filter (where answered_at is not null
        and ${vnDaySql('answered_at')} <= due_date)::int`.as('on_time'),
      sql<number>`count(*) filter (where status in (${sql.join(OPEN)}) and due_date < ${today}::date)::int`.as('overdue'),
      sql<number | null>`round(avg(rating)::numeric, 2)::float8`.as('avg_rating'),
    ])
    .where(inRange).executeTakeFirstOrThrow();
  const byCategory: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const g of groups) {
    byCategory[g.category] = (byCategory[g.category] ?? 0) + g.n;
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g.n;
    total += g.n;
  }
  return {
    total, byCategory, byStatus, answered: totals.answered, answeredOnTime: totals.on_time,
    onTimeRate: totals.answered > 0 ? totals.on_time / totals.answered : null,
    overdueOpen: totals.overdue, averageRating: totals.avg_rating,
  };
}

export interface FeedbackIndicators extends FeedbackStats {
  year: number;
  intakeWeeksExpected: number;
  intakeWeeksRecorded: number;
  /** Share of (group, week) pairs with a recorded weekly intake; null when no group exists. */
  intakeCoverageRate: number | null;
}

/**
 * Indicators of criterion 1b for the scoring and dashboard modules: received, answered, on-time
 * rate, overdue open items and weekly mass-organisation intake coverage for `year`.
 */
export async function feedbackIndicators(db: Kysely<any>, unitId: string, year: number, now = new Date()): Promise<FeedbackIndicators> {
  const today = vnDateOf(now);
  return withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const stats = await statsFor(trx, `${year}-01-01`, `${year + 1}-01-01`, today);
    const cov = await intakeCoverageForYear(trx, unitId, year, today);
    return {
      ...stats, year, intakeWeeksExpected: cov.expected, intakeWeeksRecorded: cov.recorded,
      intakeCoverageRate: cov.expected > 0 ? cov.recorded / cov.expected : null,
    };
  });
}

/** Intake channels that received at least one item in [from, to). */
export async function activeChannels(trx: FeedbackTrx, from: Date, to: Date): Promise<string[]> {
  const rows = await trx.selectFrom('feedback').select('channel').distinct()
    .where('received_at', '>=', from).where('received_at', '<', to).orderBy('channel').execute();
  return rows.map((r) => r.channel);
}

/**
 * Items due in [from, to) (Vietnam days) that count for "answered on time": due by `today`, or
 * answered already; rejected, duplicate and merged items need no answer.
 */
export async function dueItemsAnswered(trx: FeedbackTrx, from: string, to: string, today: string): Promise<{ due: number; onTime: number }> {
  const r = await trx.selectFrom('feedback')
    .select([
      sql<number>`count(*)::int`.as('due'),
      sql<number>`count(*) filter (where answered_at is not null
        and ${vnDaySql('answered_at')} <= due_date)::int`.as('on_time'),
    ])
    .where('due_date', '>=', sql<string>`${from}::date`).where('due_date', '<', sql<string>`${to}::date`)
    .where('status', 'not in', ['rejected', 'duplicate', 'merged'])
    .where((eb) => eb.or([eb('due_date', '<=', sql<string>`${today}::date`), eb('answered_at', 'is not', null)]))
    .executeTakeFirstOrThrow();
  return { due: r.due, onTime: r.on_time };
}
