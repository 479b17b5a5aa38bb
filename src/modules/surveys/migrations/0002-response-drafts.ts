import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

/**
 * Scale answers saved on the first tap (JavaScript forms), keyed by an HMAC of a random id the
 * form carries: a partial response that is unlinked to any person and removed when the form is sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table survey_response_drafts (
      unit_id uuid not null references units(id),
      survey_id uuid not null references surveys(id) on delete cascade,
      draft_key text not null,
      answers jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (unit_id, survey_id, draft_key)
    )`.execute(db);
  await enableTenantRls(db, 'survey_response_drafts');
}
