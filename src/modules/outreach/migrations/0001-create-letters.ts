import { sql, type Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

const KINDS = sql.raw(`('marriage', 'condolence', 'thanks', 'commendation', 'apology', 'invitation')`);

/**
 * Letters (thư) of the ward and their register. Numbers come from `letter_sequences`, one row per
 * unit, year and kind, only ever incremented: a deleted draft keeps its number used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createUnitTable(db, 'letter_templates', sql`
      kind text not null check (kind in ${KINDS}),
      subject text not null,
      body text not null,
      updated_at timestamptz not null default now()
  `, ['kind']);

  await createUnitTable(db, 'letter_sequences', sql`
      year int not null,
      kind text not null check (kind in ${KINDS}),
      last int not null
  `, ['year', 'kind']);

  await createUnitTable(db, 'letter_settings', `
      signer_name text not null default '',
      signer_title text not null default 'CHỦ TỊCH',
      signer_authority text not null default 'TM. ỦY BAN NHÂN DÂN',
      signature_png bytea,
      signature_width_mm real,
      signature_height_mm real,
      updated_at timestamptz not null default now()
  `);

  await createTenantTable(db, 'letters', sql`
      kind text not null check (kind in ${KINDS}),
      year int not null,
      seq int not null,
      status text not null default 'draft' check (status in ('draft', 'signed', 'sent', 'handed_over')),
      channel text not null default 'in_person' check (channel in ('in_person', 'post', 'email', 'zalo')),
      recipient_name text not null,
      honorific text not null,
      recipient_address text,
      recipient_email text,
      recipient_phone text,
      birth_year int,
      gender text check (gender in ('male', 'female')),
      subject text not null,
      body text not null,
      source text not null default 'manual',
      source_ref text,
      fields jsonb not null default '{}',
      with_signature boolean not null default false,
      issued_on date not null,
      created_at timestamptz not null default now(),
      created_by text,
      signed_at timestamptz,
      sent_at timestamptz,
      handed_over_at timestamptz,
      deleted_at timestamptz,
      search text not null default '',
      unique (unit_id, kind, year, seq)
  `, 'unit-and-id');
  await sql`create index letters_unit_created_idx on letters (unit_id, created_at desc)`.execute(db);
  await sql`create index letters_source_idx on letters (unit_id, kind, source_ref)`.execute(db);

  // Condolence: the visit to the family / attendance at the funeral.
  await createTenantTable(db, 'letter_visits', `
      letter_id uuid not null,
      kind text not null check (kind in ('visit', 'funeral')),
      visited_on date not null,
      attendees text not null,
      note text not null default '',
      created_at timestamptz not null default now(),
      foreign key (unit_id, letter_id) references letters (unit_id, id)
  `, 'unit-and-id');

  // Community initiatives the ward recognised (commendation letters link to them).
  await createTenantTable(db, 'initiatives', `
      title text not null,
      citizen_name text not null,
      description text not null default '',
      recognised_on date not null,
      created_at timestamptz not null default now()
  `, 'unit-and-id');
}
