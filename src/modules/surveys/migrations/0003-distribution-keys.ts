import type { Kysely } from 'kysely';
import { distributeByUnit } from '../../../core/migration-distribution.js';

/**
 * Distribution keys (Citus): every survey table is keyed by `(unit_id, ...)` and every child points at its
 * survey with `(unit_id, survey_id) → surveys (unit_id, id)`, so a distributed database can shard them all by
 * unit and keep a survey with its versions, responses, keys, codes and drafts on one node.
 * Queries run under row-level security (`unit_id = current unit`), so the `(unit_id, id)` keys serve the
 * look-ups by id; nothing looks a survey row up by id without its unit.
 */
const CHILDREN = ['survey_versions', 'survey_responses', 'survey_respondent_keys', 'survey_otps', 'survey_response_drafts'];

export async function up(db: Kysely<any>): Promise<void> {
  await distributeByUnit(db, {
    links: CHILDREN.map((child) => ({ child, column: 'survey_id', parent: 'surveys', cascade: true })),
    keyedById: ['surveys', 'survey_versions', 'survey_responses', 'survey_otps'],
    rekeys: [
      { table: 'survey_versions', drop: 'survey_versions_survey_id_version_key', add: 'unique (unit_id, survey_id, version)' },
      { table: 'survey_respondent_keys', drop: 'survey_respondent_keys_pkey', add: 'primary key (unit_id, survey_id, key)' },
    ],
  });
}
