import type { Kysely } from 'kysely';
import { distributeByUnit } from '../../../core/migration-distribution.js';

/**
 * Distribution keys (Citus): every table of the service centre is keyed with the unit in front, and tickets,
 * bookings, ratings, devices and sequences point at the unit's own counters and services (same `on delete` as
 * before). Reception nonces, pairing codes and "one rating per ticket" were unique across all units; every
 * look-up of them already names the unit (`rating-service.ts`, `device-service.ts`), so they become unique per
 * unit (a nonce is 128 random bits, a pairing code 144).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await distributeByUnit(db, {
    links: [
      { child: 'centre_counter_services', column: 'counter_id', parent: 'centre_counters', cascade: true },
      { child: 'centre_counter_services', column: 'service_id', parent: 'centre_services', cascade: true },
      { child: 'centre_daily_sequences', column: 'service_id', parent: 'centre_services' },
      { child: 'centre_bookings', column: 'service_id', parent: 'centre_services' },
      { child: 'centre_rating_devices', column: 'counter_id', parent: 'centre_counters', cascade: true },
      { child: 'centre_ratings', column: 'counter_id', parent: 'centre_counters' },
      { child: 'centre_ratings', column: 'service_id', parent: 'centre_services' },
      { child: 'centre_ratings', column: 'ticket_id', parent: 'centre_tickets' },
      { child: 'centre_tickets', column: 'booking_id', parent: 'centre_bookings' },
      { child: 'centre_tickets', column: 'counter_id', parent: 'centre_counters' },
      { child: 'centre_tickets', column: 'service_id', parent: 'centre_services' },
      { child: 'centre_tickets', column: 'transfer_to_counter_id', parent: 'centre_counters' },
    ],
    keyedById: ['centre_counters', 'centre_services', 'centre_bookings', 'centre_events', 'centre_tickets', 'centre_ratings',
      'centre_rating_devices'],
    rekeys: [
      { table: 'centre_counter_services', drop: 'centre_counter_services_pkey', add: 'primary key (unit_id, counter_id, service_id)' },
      { table: 'centre_reception_tokens', drop: 'centre_reception_tokens_pkey', add: 'primary key (unit_id, nonce)' },
      { table: 'centre_rating_devices', drop: 'centre_rating_devices_pair_code_hash_key', add: 'unique (unit_id, pair_code_hash)' },
      { table: 'centre_ratings', drop: 'centre_ratings_reception_nonce_key', add: 'unique (unit_id, reception_nonce)' },
      { table: 'centre_ratings', drop: 'centre_ratings_ticket_id_key', add: 'unique (unit_id, ticket_id)' },
    ],
  });
}
