import type { Kysely, Transaction } from 'kysely';
import type { PriorityGroup } from '../domain/aging.js';

/** A transaction opened by withUnit (row-level security applies). */
export type Trx = Transaction<any> | Kysely<any>;

export interface ServiceRow {
  id: string; code: string; prefix: string; name_vi: string; name_en: string; sort_order: number;
  default_service_s: number; booking_capacity: number; active: boolean;
}
export interface CounterRow { id: string; number: number; name: string; active: boolean; service_ids: string[] }
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
export interface TicketRow {
  id: string; unit_id: string; service_id: string; day: string; seq: number; number: string;
  priority_group: PriorityGroup | null; source: string; status: TicketStatus;
  counter_id: string | null; transfer_to_counter_id: string | null; officer_user_id: string | null;
  dossier_code: string | null; recalls: number; appointment_at: Date | null;
  created_at: Date; called_at: Date | null; started_at: Date | null; finished_at: Date | null;
}
export interface SettingsRow {
  unit_id: string; token_secret: Buffer; priority_head_start_s: number; speech_enabled: boolean; chime_enabled: boolean;
}
