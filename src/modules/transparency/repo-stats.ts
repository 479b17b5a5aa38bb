import { sql, type Transaction } from 'kysely';
import type { MonthlyFigure } from './lib/rates.js';

type Trx = Transaction<any>;

export interface StoredFigure extends MonthlyFigure { source: string; imported_at: Date }

/** Imported figures of a year, by month then field. */
export async function listFigures(trx: Trx, year: number): Promise<StoredFigure[]> {
  const rows = await trx.selectFrom('online_stats_monthly')
    .select(['year', 'month', 'field', 'received_online', 'received_in_person', 'resolved', 'resolved_on_time', 'source', 'imported_at'])
    .where('year', '=', year).orderBy('month').orderBy('field').execute();
  return rows.map((r: any) => ({
    year: r.year, month: r.month, field: r.field, receivedOnline: r.received_online, receivedInPerson: r.received_in_person,
    resolved: r.resolved, resolvedOnTime: r.resolved_on_time, source: r.source, imported_at: r.imported_at,
  }));
}

export async function listYears(trx: Trx): Promise<number[]> {
  const rows = await trx.selectFrom('online_stats_monthly').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r: any) => r.year);
}

/** Inserts or replaces each (year, month, field) row; returns how many rows were written. */
export async function upsertFigures(trx: Trx, unitId: string, rows: MonthlyFigure[], source: string): Promise<number> {
  for (const r of rows) {
    const values = { received_online: r.receivedOnline, received_in_person: r.receivedInPerson, resolved: r.resolved, resolved_on_time: r.resolvedOnTime, source, imported_at: sql`now()` };
    await trx.insertInto('online_stats_monthly').values({ unit_id: unitId, year: r.year, month: r.month, field: r.field, ...values })
      .onConflict((oc) => oc.columns(['unit_id', 'year', 'month', 'field']).doUpdateSet(values)).execute();
  }
  return rows.length;
}
