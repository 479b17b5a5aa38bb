import { sql } from 'kysely';
import type { Shift } from './domain/volunteers.js';
import { isUuid, type Trx } from './repo-letters.js';

export interface SignupRow {
  id: string; day: string; shift: Shift; name: string; organisation: string; phone: string; status: 'booked' | 'cancelled';
  checked_in_at: Date | null; checked_out_at: Date | null; created_at: Date;
}

/** Booked places per day and shift between two dates (inclusive). */
export async function bookedCounts(trx: Trx, unitId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('volunteer_signups').select(['day', 'shift', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', '=', unitId).where('status', '=', 'booked').where('day', '>=', from).where('day', '<=', to)
    .groupBy(['day', 'shift']).execute();
  return new Map(rows.map((r) => [`${r.day}|${r.shift}`, Number(r.n)]));
}

/** Locks the unit's sign-ups of a shift (advisory, per transaction) so two last-place sign-ups cannot both pass. */
export async function lockShift(trx: Trx, unitId: string, day: string, shift: Shift): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`volunteers|${unitId}|${day}|${shift}`}))`.execute(trx);
}

export async function insertSignup(trx: Trx, unitId: string, v: Pick<SignupRow, 'day' | 'shift' | 'name' | 'organisation' | 'phone'>): Promise<SignupRow> {
  return trx.insertInto('volunteer_signups').values({ unit_id: unitId, ...v }).returningAll().executeTakeFirstOrThrow() as Promise<SignupRow>;
}

export const signupsBetween = (trx: Trx, unitId: string, from: string, to: string) =>
  trx.selectFrom('volunteer_signups').selectAll().where('unit_id', '=', unitId).where('status', '=', 'booked')
    .where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('shift', 'desc').orderBy('name').execute() as Promise<SignupRow[]>;

export const getSignup = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('volunteer_signups').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<SignupRow | undefined>;

export async function updateSignup(trx: Trx, unitId: string, id: string, set: Partial<SignupRow>): Promise<void> {
  await trx.updateTable('volunteer_signups').set(set).where('unit_id', '=', unitId).where('id', '=', id).execute();
}
