import { sql, type Kysely } from 'kysely';

/**
 * Distribution keys (Citus): every survey table is keyed by `(unit_id, ...)` and every child points at its
 * survey with `(unit_id, survey_id) → surveys (unit_id, id)`, so a distributed database can shard them all by
 * unit and keep a survey with its versions, responses, keys, codes and drafts on one node.
 * Queries run under row-level security (`unit_id = current unit`), so the `(unit_id, id)` keys serve the
 * look-ups by id; nothing looks a survey row up by id without its unit.
 */
const CHILDREN = ['survey_versions', 'survey_responses', 'survey_respondent_keys', 'survey_otps', 'survey_response_drafts'];

export async function up(db: Kysely<any>): Promise<void> {
  // 1. A child row in another unit than its survey would break the new foreign keys: stop with its name.
  for (const child of CHILDREN) await assertSameUnitAsSurvey(db, child);
  // 2. The foreign keys to surveys(id) alone go first: they depend on the primary key being swapped.
  for (const child of CHILDREN) await sql`alter table ${sql.id(child)} drop constraint ${sql.id(`${child}_survey_id_fkey`)}`.execute(db);
  // 3. Keys with the unit in front.
  for (const table of ['surveys', 'survey_versions', 'survey_responses', 'survey_otps']) {
    await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_pkey`)}, add primary key (unit_id, id)`.execute(db);
  }
  await sql`alter table survey_versions drop constraint survey_versions_survey_id_version_key,
    add unique (unit_id, survey_id, version)`.execute(db);
  await sql`alter table survey_respondent_keys drop constraint survey_respondent_keys_pkey,
    add primary key (unit_id, survey_id, key)`.execute(db);
  // 4. Co-located foreign keys, same `on delete cascade` as before.
  for (const child of CHILDREN) {
    await sql`alter table ${sql.id(child)} add constraint ${sql.id(`${child}_survey_id_fkey`)}
      foreign key (unit_id, survey_id) references surveys (unit_id, id) on delete cascade`.execute(db);
  }
}

async function assertSameUnitAsSurvey(db: Kysely<any>, child: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(child)} c
    join surveys s on s.id = c.survey_id where s.unit_id <> c.unit_id`.execute(db);
  if (rows[0].n > 0) {
    throw new Error(`${child}: ${rows[0].n} row(s) have another unit_id than their survey; fix them before the (unit_id, survey_id) key`);
  }
}
