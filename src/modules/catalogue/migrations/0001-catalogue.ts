import { sql, type Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';
import { createSearchFunctions } from './search-functions.js';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await createSearchFunctions(db);

  // The national reference catalogue shared by every unit (no unit_id, no RLS).
  await sql`
    create table reference_procedures (
      id text primary key,
      data jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await createTenantTable(db, 'catalogue_procedures', `
      reference_id text,
      code text,
      slug text not null,
      name text not null check (length(name) between 3 and 500),
      name_en text,
      field text not null,
      processing_value int not null default 0 check (processing_value >= 0),
      processing_unit text not null default 'working_day' check (processing_unit in ('immediate', 'working_day', 'day')),
      processing_note text,
      fee_amount bigint check (fee_amount >= 0),
      fee_unit text,
      fee_tiers jsonb,
      fee_note text,
      documents jsonb not null default '[]',
      steps jsonb not null default '[]',
      legal_basis jsonb not null default '[]',
      keywords jsonb not null default '[]',
      sources jsonb not null default '[]',
      online_level text check (online_level in ('toàn trình', 'một phần')),
      counter text,
      published boolean not null default true,
      needs_review boolean not null default false,
      review_note text,
      reviewed_at timestamptz,
      reviewed_by text,
      version int not null default 1,
      updated_at timestamptz not null default now(),
      updated_by text,
      search_name text not null default '',
      search_vector tsvector not null default ''::tsvector,
      unique (unit_id, slug),
      unique (unit_id, reference_id)
  `);
  await sql`create index catalogue_procedures_search on catalogue_procedures using gin (search_vector)`.execute(db);
  await sql`create index catalogue_procedures_name_trgm on catalogue_procedures using gin (search_name gin_trgm_ops)`.execute(db);
  await sql`create index catalogue_procedures_field on catalogue_procedures (unit_id, field)`.execute(db);
  await sql`
    create trigger catalogue_procedures_search before insert or update on catalogue_procedures
    for each row execute function catalogue_procedures_search_update()`.execute(db);

  await createTenantTable(db, 'procedure_versions', `
      procedure_id uuid not null references catalogue_procedures(id) on delete cascade,
      version int not null,
      data jsonb not null,
      change_note text,
      changed_by text,
      changed_at timestamptz not null default now(),
      unique (procedure_id, version)
  `);

  await createTenantTable(db, 'catalogue_attachments', `
      procedure_id uuid not null references catalogue_procedures(id) on delete cascade,
      title text not null,
      filename text not null,
      mime_type text not null,
      size_bytes int not null,
      content bytea not null,
      created_at timestamptz not null default now(),
      created_by text
  `);
  await sql`create index catalogue_attachments_procedure on catalogue_attachments (procedure_id)`.execute(db);

  // Words of the unit's catalogue with the number of procedures that use them: spelling
  // correction (trigram) and rarity weighting of query words.
  await createUnitTable(db, 'catalogue_vocabulary', `
      word text not null,
      ndoc int not null
  `, ['word']);
  await sql`create index catalogue_vocabulary_trgm on catalogue_vocabulary using gin (word gin_trgm_ops)`.execute(db);

  await createUnitTable(db, 'catalogue_settings', `
      bank_bin text not null check (bank_bin ~ '^[0-9]{6}$'),
      account_number text not null check (account_number ~ '^[0-9A-Za-z]{1,19}$'),
      account_name text not null,
      updated_at timestamptz not null default now()
  `);

  await createTenantTable(db, 'catalogue_imports', `
      filename text not null,
      rows jsonb not null,
      diff jsonb not null,
      created_by text,
      created_at timestamptz not null default now(),
      applied_at timestamptz
  `);
}
