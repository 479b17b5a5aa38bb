import type { Transaction } from 'kysely';

export type CalendarOwner = 'committee' | 'chairman';
export const OWNERS: CalendarOwner[] = ['committee', 'chairman'];

export interface CalendarEvent {
  id: string;
  owner: CalendarOwner;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  chair: string;
  participants: string;
}

export type CalendarInput = Omit<CalendarEvent, 'id'>;
type Trx = Transaction<any>;

/** Events starting in [from, to), optionally of one owner, by start time. */
export function listEvents(trx: Trx, from: Date, to: Date, owner?: CalendarOwner): Promise<CalendarEvent[]> {
  let q = trx.selectFrom('calendar_events').select(['id', 'owner', 'title', 'starts_at', 'ends_at', 'place', 'chair', 'participants'])
    .where('starts_at', '>=', from).where('starts_at', '<', to);
  if (owner) q = q.where('owner', '=', owner);
  return q.orderBy('starts_at').orderBy('title').execute() as Promise<CalendarEvent[]>;
}

export function insertEvent(trx: Trx, unitId: string, input: CalendarInput): Promise<CalendarEvent> {
  return trx.insertInto('calendar_events').values({ ...input, unit_id: unitId })
    .returning(['id', 'owner', 'title', 'starts_at', 'ends_at', 'place', 'chair', 'participants'])
    .executeTakeFirstOrThrow() as Promise<CalendarEvent>;
}

export function getEvent(trx: Trx, id: string): Promise<CalendarEvent | undefined> {
  return trx.selectFrom('calendar_events').select(['id', 'owner', 'title', 'starts_at', 'ends_at', 'place', 'chair', 'participants'])
    .where('id', '=', id).executeTakeFirst() as Promise<CalendarEvent | undefined>;
}

export async function deleteEvent(trx: Trx, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('calendar_events').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** When each event starting in [from, to) was entered: a week's calendar is on time when entered before the week. */
export function eventEntryTimes(trx: Trx, from: Date, to: Date): Promise<{ owner: CalendarOwner; starts_at: Date; created_at: Date }[]> {
  return trx.selectFrom('calendar_events').select(['owner', 'starts_at', 'created_at'])
    .where('starts_at', '>=', from).where('starts_at', '<', to).execute() as Promise<{ owner: CalendarOwner; starts_at: Date; created_at: Date }[]>;
}
