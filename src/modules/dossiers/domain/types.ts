import type { HolidayConfidence, TimeLimitKind } from '../../../lib/vn-calendar/index.js';
import type { DossierStatus } from './states.js';

export type Channel = 'online' | 'in_person' | 'postal';
export const CHANNELS: Channel[] = ['in_person', 'online', 'postal'];

/** A dossier row as stored (snake_case, like the table). Dates: timestamptz → Date, date → 'YYYY-MM-DD'. */
export interface DossierRow {
  id: string;
  unit_id: string;
  receiving_unit_id: string;
  code: string;
  procedure_code: string | null;
  procedure_name: string;
  field: string;
  /** The value of the time limit, in the unit `limit_kind` (the column keeps its first name). */
  working_days: number;
  limit_kind: TimeLimitKind;
  /** The procedure's cut-off 'HH:MM' copied at receipt (e.g. '15:00' for same-day civil status), or null. */
  procedure_cutoff: string | null;
  /** Due instant; the day is `due_date`. */
  due_at: Date | null;
  /** Weakest confidence of the holiday years the due date depends on. */
  due_confidence: HolidayConfidence;
  applicant_name: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  channel: Channel;
  status: DossierStatus;
  received_at: Date;
  accepted_at: Date | null;
  due_date: string | null;
  result_at: Date | null;
  returned_at: Date | null;
  officer_id: string | null;
  officer_name: string | null;
  missing_papers: string | null;
  refusal_reason: string | null;
  home_service: boolean;
  fast_track: boolean;
  apologies: number;
  late_apologies: number;
  apology_due_date: string | null;
  source: string;
  warned_on: string | null;
  /** Code of the dossier in the system that sent it through the API (idempotency key), or null. */
  external_code: string | null;
  /** Papers received with the dossier (listed on Mẫu 01); empty when not recorded. */
  papers: string[];
  updated_at: Date;
}

export interface DossierEventRow {
  id: string;
  dossier_id: string;
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  officer_name: string | null;
  note: string | null;
}

export interface PauseRow { id: string; dossier_id: string; started_at: Date; ended_at: Date | null }

export interface ApologyRow {
  id: string;
  dossier_id: string;
  number: number;
  reason: string;
  new_due_date: string;
  leader_name: string;
  leader_title: string;
  issued_at: Date;
  late: boolean;
  sent_channel: string;
  sent_to: string | null;
  /** 'queued' (e-mail outbox), 'pending' (SMS to send by hand: "chờ gửi"), 'sent' (marked by staff), 'paper'. */
  send_status: ApologySendStatus;
  sent_at: Date | null;
  sent_by: string | null;
}

export type ApologySendStatus = 'queued' | 'pending' | 'sent' | 'paper';

export interface DossierSettings {
  unit_id: string;
  agency_code: string;
  collect_place: string;
  fast_track_weekday: number | null;
  fast_track_procedures: string[];
  leader_name: string;
  leader_title: string;
}
