import type { Transaction } from 'kysely';
import type { ReceptionRule } from './lib/reception.js';

type Trx = Transaction<any>;
export type TextKind = 'reception_rules' | 'commitment';
export interface UnitText { kind: TextKind; title: string; body: string; updated_at: Date }

interface ScheduleRow {
  id: string; leader_name: string; leader_title: string; recurrence: 'weekly' | 'monthly'; weekday: number;
  week_of_month: number | null; start_time: string; end_time: string; place: string; note: string;
}

export type ScheduleInput = Omit<ScheduleRow, 'id'>;

const toRule = (r: ScheduleRow): ReceptionRule & { note: string } => ({
  id: r.id, leaderName: r.leader_name, leaderTitle: r.leader_title, recurrence: r.recurrence, weekday: r.weekday,
  weekOfMonth: r.week_of_month, startTime: r.start_time, endTime: r.end_time, place: r.place, note: r.note,
});

/** Active reception slots, by weekday then start time. */
export async function listReceptionRules(trx: Trx): Promise<(ReceptionRule & { note: string })[]> {
  const rows = await trx.selectFrom('reception_schedules').selectAll().where('active', '=', true)
    .orderBy('weekday').orderBy('start_time').execute();
  return (rows as ScheduleRow[]).map(toRule);
}

export function insertReceptionRule(trx: Trx, unitId: string, input: ScheduleInput) {
  return trx.insertInto('reception_schedules').values({ ...input, unit_id: unitId }).returning(['id']).executeTakeFirstOrThrow();
}

/** Deactivates (keeps history); returns the row before, or undefined. */
export async function deactivateReceptionRule(trx: Trx, id: string): Promise<ScheduleRow | undefined> {
  const before = await trx.selectFrom('reception_schedules').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
  if (!before) return undefined;
  await trx.updateTable('reception_schedules').set({ active: false }).where('id', '=', id).execute();
  return before as ScheduleRow;
}

export function getText(trx: Trx, kind: TextKind): Promise<UnitText | undefined> {
  return trx.selectFrom('transparency_texts').select(['kind', 'title', 'body', 'updated_at'])
    .where('kind', '=', kind).executeTakeFirst() as Promise<UnitText | undefined>;
}

export async function saveText(trx: Trx, unitId: string, kind: TextKind, title: string, body: string): Promise<void> {
  await trx.insertInto('transparency_texts').values({ unit_id: unitId, kind, title, body })
    .onConflict((oc) => oc.columns(['unit_id', 'kind']).doUpdateSet({ title, body, updated_at: new Date() }))
    .execute();
}
