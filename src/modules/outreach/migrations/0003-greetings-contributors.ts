import type { Kysely } from 'kysely';
import { createTenantTable, createUnitTable } from '../../../core/migration-helpers.js';

/** Greetings of the head of government per occasion, where they were published; contributors and their annual meeting. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'greetings', `
      occasion text not null,
      occasion_date date not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'published')),
      title text not null,
      body text not null,
      radio_script text not null default '',
      social_text text not null default '',
      approved_by text,
      approved_at timestamptz,
      updated_at timestamptz not null default now(),
      unique (unit_id, occasion, occasion_date)
  `, 'unit-and-id');
  await createUnitTable(db, 'greeting_publications', `
      greeting_id uuid not null,
      channel text not null check (channel in ('website', 'radio', 'fanpage', 'zalo')),
      published_at timestamptz not null,
      published_by text,
      link text,
      foreign key (unit_id, greeting_id) references greetings (unit_id, id)
  `, ['greeting_id', 'channel']);

  await createTenantTable(db, 'contributors', `
      name text not null,
      kind text not null check (kind in ('individual', 'organisation', 'business', 'reputable')),
      address text,
      phone text,
      note text not null default '',
      created_at timestamptz not null default now()
  `, 'unit-and-id');
  await createTenantTable(db, 'contributions', `
      contributor_id uuid not null,
      contributed_on date not null,
      description text not null,
      amount bigint,
      foreign key (unit_id, contributor_id) references contributors (unit_id, id)
  `, 'unit-and-id');
  await createTenantTable(db, 'contributor_meetings', `
      year int not null,
      held_on date not null,
      place text not null,
      notes text not null default '',
      held boolean not null default false
  `, 'unit-and-id');
  await createUnitTable(db, 'meeting_invitees', `
      meeting_id uuid not null,
      contributor_id uuid not null,
      letter_id uuid,
      attended boolean not null default false,
      foreign key (unit_id, meeting_id) references contributor_meetings (unit_id, id),
      foreign key (unit_id, contributor_id) references contributors (unit_id, id)
  `, ['meeting_id', 'contributor_id']);
}
