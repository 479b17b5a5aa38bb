import { sql, type Kysely } from 'kysely';
import { createUnitTable } from '../../../core/migration-helpers.js';

/**
 * A dossier's time limit is stored with its unit (RULES-VN.md §2.2, docs/deadlines.md):
 * `limit_kind` says what `working_days` counts (kept as the column of the limit's value):
 * working days, calendar days (Civil Code art. 147–148), working hours, or same day. The
 * procedure's cut-off ('15:00' for same-day civil status and certification) is copied at receipt.
 * `due_at` is the due instant (end of office hours, or the hour for hour limits) and
 * `due_confidence` the weakest holiday-year confidence it depends on; `due_date` stays the day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dossiers
    add column limit_kind text not null default 'working_days'
      check (limit_kind in ('working_days', 'calendar_days', 'working_hours', 'same_day')),
    add column procedure_cutoff text check (procedure_cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    add column due_at timestamptz,
    add column due_confidence text not null default 'official'
      check (due_confidence in ('official', 'expected', 'computed'))`.execute(db);
  // Same-day procedures were stored as 0 working days; say so.
  await sql`update dossiers set limit_kind = 'same_day' where working_days = 0`.execute(db);
  await sql`update dossiers set due_at = (due_date + time '17:00') at time zone 'Asia/Ho_Chi_Minh' where due_date is not null`.execute(db);
  await upFormRegister(db);
}

/**
 * The register of form numbers ("Số:"): one running number per unit, form type and calendar year
 * (Decree 30/2020: numbers restart each year), never reused — a dossier's form keeps the number
 * it was first issued with.
 */
export async function upFormRegister(db: Kysely<any>): Promise<void> {
  await createUnitTable(db, 'dossier_form_numbers', `
      dossier_id uuid not null,
      form text not null check (form in ('01', '02', '03', '04', '06')),
      year int not null,
      number int not null check (number > 0),
      issued_at timestamptz not null default now(),
      unique (unit_id, form, year, number)
  `, ['dossier_id', 'form']);
}
