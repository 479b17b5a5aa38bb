import { sql, type Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A city's own rubric, versioned; the unit_id is the city. Its wards read the latest published one.
  await createUnitTable(db, 'scoring_rubrics', `
      version integer not null,
      body jsonb not null,
      published_at timestamptz not null default now(),
      published_by text not null
  `, ['version']);

  // Manual indicators: a statement with an evidence file, then a reviewer's decision. Every
  // submission is kept; the latest one of (unit, year, indicator) counts.
  await createTenantTable(db, 'scoring_manual_entries', `
      year integer not null,
      indicator_id text not null,
      value numeric(3, 2) not null check (value between 0 and 1),
      statement text not null,
      evidence_name text,
      evidence_type text,
      evidence bytea,
      submitted_by text not null,
      submitted_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      reviewed_by text,
      reviewed_at timestamptz,
      review_note text
  `, 'unit-and-id');
  await sql`create index scoring_manual_entries_lookup on scoring_manual_entries (unit_id, year, indicator_id, submitted_at desc)`.execute(db);

  // Figures a unit not yet running the app reports to the city (its yearly self-assessment
  // table): one row per unit and year, { indicator id: { value, numerator?, denominator?, note? } },
  // so that a city ranking reads 114 rows, not one per indicator.
  await createUnitTable(db, 'scoring_reported_values', `
      year integer not null,
      figures jsonb not null,
      reported_at timestamptz not null default now()
  `, ['year']);

  // A finalised year: the rubric and the scorecard frozen as they were, never recomputed.
  await createUnitTable(db, 'scoring_assessments', `
      year integer not null,
      rubric jsonb not null,
      scorecard jsonb not null,
      finalised_at timestamptz not null default now(),
      finalised_by text not null
  `, ['year']);
}
