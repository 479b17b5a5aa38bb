/** Kysely types of the feedback module's own tables. */
import type { Generated, Kysely, Transaction } from 'kysely';

export interface FeedbackTable {
  id: Generated<string>;
  unit_id: string;
  code: string;
  category: string;
  channel: string;
  status: Generated<string>;
  content: string;
  sender_name: string | null;
  sender_phone: string | null;
  sender_email: string | null;
  sender_handle: string | null;
  share_location: Generated<boolean>;
  lat: number | null;
  lng: number | null;
  address: string | null;
  box_location: string | null;
  intake_id: string | null;
  dedupe_key: string | null;
  received_at: Generated<Date>;
  due_date: string;
  department_code: string | null;
  assignee_id: string | null;
  concerned_official_id: string | null;
  public_reply: string | null;
  answered_at: Date | null;
  closed_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  reopen_count: Generated<number>;
  published: Generated<boolean>;
  public_summary: string | null;
  /** The reviewed reply for the public board and Open311; never the sender's answer copied. */
  board_reply: Generated<string | null>;
  /** Approved by the moderator for the public board and Open311 (never the raw address/lat/lng). */
  public_place: Generated<string | null>;
  public_lat: Generated<number | null>;
  public_lng: Generated<number | null>;
  merged_into: string | null;
  reminded_on: string | null;
  escalation_level: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FeedbackEventTable {
  id: Generated<string>;
  unit_id: string;
  feedback_id: string;
  at: Generated<Date>;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  is_public: Generated<boolean>;
  actor_id: string | null;
}

export interface FeedbackPhotoTable {
  id: Generated<string>;
  unit_id: string;
  feedback_id: string;
  mime: string;
  width: number;
  height: number;
  bytes: Buffer;
  kept_location: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface FeedbackIntakeTable {
  id: Generated<string>;
  unit_id: string;
  iso_year: number;
  iso_week: number;
  group_kind: string;
  group_code: string;
  group_name: string;
  met_on: string | null;
  no_new_items: Generated<boolean>;
  items_count: Generated<number>;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface FeedbackTables {
  feedback: FeedbackTable;
  feedback_codes: { code: string; unit_id: string };
  feedback_events: FeedbackEventTable;
  feedback_photos: FeedbackPhotoTable;
  feedback_deadlines: { unit_id: string; category: string; working_days: number; remind_days_before: number };
  feedback_departments: { unit_id: string; code: string; name: string; head_name: string | null; head_email: string | null };
  feedback_settings: { unit_id: string; chairman_name: string | null; chairman_email: string | null; chairman_after_days: Generated<number> };
  feedback_secrets: { id: Generated<string>; unit_id: string; purpose: string; secret_hash: string; label: string | null; created_at: Generated<Date> };
  feedback_outbound: {
    id: Generated<string>; unit_id: string; feedback_id: string; channel: string; recipient: string; body: string;
    status: Generated<string>; attempts: Generated<number>; last_error: string | null; created_at: Generated<Date>; sent_at: Date | null;
  };
  feedback_intakes: FeedbackIntakeTable;
}

export type FeedbackDb = Kysely<FeedbackTables>;
export type FeedbackTrx = Transaction<FeedbackTables>;
/** Cast the app's `Kysely<any>` transaction at the repo boundary (docs/architecture.md). */
export const asFeedbackTrx = (trx: unknown): FeedbackTrx => trx as FeedbackTrx;
