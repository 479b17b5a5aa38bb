import { sql } from 'kysely';
import type { CounterRow, ServiceRow, Trx } from './types.js';

export async function listServices(trx: Trx, unitId: string, activeOnly = false): Promise<ServiceRow[]> {
  const { rows } = await sql<ServiceRow>`select id, code, prefix, name_vi, name_en, sort_order, default_service_s,
      booking_capacity, active from centre_services
    where unit_id = ${unitId} and (${!activeOnly} or active) order by sort_order, prefix`.execute(trx);
  return rows;
}

export async function serviceByCode(trx: Trx, unitId: string, code: string): Promise<ServiceRow | undefined> {
  return (await listServices(trx, unitId)).find((s) => s.code === code || s.prefix === code);
}

export async function listCounters(trx: Trx, unitId: string): Promise<CounterRow[]> {
  const { rows } = await sql<CounterRow>`select c.id, c.number, c.name, c.active,
      coalesce(array_agg(cs.service_id) filter (where cs.service_id is not null), '{}') as service_ids
    from centre_counters c left join centre_counter_services cs on cs.unit_id = c.unit_id and cs.counter_id = c.id
    where c.unit_id = ${unitId} group by c.unit_id, c.id order by c.number`.execute(trx);
  return rows;
}

export async function counterByNumber(trx: Trx, unitId: string, n: number): Promise<CounterRow | undefined> {
  return (await listCounters(trx, unitId)).find((c) => c.number === n);
}

export type ServiceInput = Omit<ServiceRow, 'id'>;

/** Inserts or updates (by code) a service; returns its id. */
export async function saveService(trx: Trx, unitId: string, s: ServiceInput): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into centre_services
      (unit_id, code, prefix, name_vi, name_en, sort_order, default_service_s, booking_capacity, active)
    values (${unitId}, ${s.code}, ${s.prefix}, ${s.name_vi}, ${s.name_en}, ${s.sort_order}, ${s.default_service_s}, ${s.booking_capacity}, ${s.active})
    on conflict (unit_id, code) do update set prefix = excluded.prefix, name_vi = excluded.name_vi,
      name_en = excluded.name_en, sort_order = excluded.sort_order, default_service_s = excluded.default_service_s,
      booking_capacity = excluded.booking_capacity, active = excluded.active
    returning id`.execute(trx);
  return rows[0].id;
}

export interface CounterInput { number: number; name: string; active: boolean; service_ids: string[] }

/** Inserts or updates (by number) a counter and replaces the services it serves. */
export async function saveCounter(trx: Trx, unitId: string, c: CounterInput): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into centre_counters (unit_id, number, name, active)
    values (${unitId}, ${c.number}, ${c.name}, ${c.active})
    on conflict (unit_id, number) do update set name = excluded.name, active = excluded.active
    returning id`.execute(trx);
  const id = rows[0].id;
  await sql`delete from centre_counter_services where counter_id = ${id}`.execute(trx);
  for (const sid of c.service_ids) {
    await sql`insert into centre_counter_services (unit_id, counter_id, service_id) values (${unitId}, ${id}, ${sid})`.execute(trx);
  }
  return id;
}
