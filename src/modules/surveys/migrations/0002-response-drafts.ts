import type { Kysely } from 'kysely';
import { createUnitTable } from '../../../core/migration-helpers.js';

/**
 * Scale answers saved on the first tap (JavaScript forms), keyed by an HMAC of a random id the
 * form carries: a partial response that is unlinked to any person and removed when the form is sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createUnitTable(db, 'survey_response_drafts', `
      survey_id uuid not null references surveys(id) on delete cascade,
      draft_key text not null,
      answers jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
  `, ['survey_id', 'draft_key']);
}
