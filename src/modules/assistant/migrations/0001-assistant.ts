import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from '../../../core/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A conversation remembers the procedure last talked about, so that "còn phí thì sao?" follows it.
  await sql`
    create table assistant_conversations (
      unit_id uuid not null references units(id),
      id uuid not null default uuidv7(),
      procedure_id uuid,
      intent text,
      lang text not null default 'vi' check (lang in ('vi', 'en')),
      turns integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (unit_id, id)
    )`.execute(db);
  // Questions are kept anonymised (phone, ID and e-mail removed) to improve the catalogue and lexicon.
  await sql`
    create table assistant_questions (
      unit_id uuid not null references units(id),
      id uuid not null default uuidv7(),
      conversation_id uuid not null,
      question text not null,
      lang text not null check (lang in ('vi', 'en')),
      intent text not null,
      procedure_ids uuid[] not null default '{}',
      top_score real,
      confidence text not null check (confidence in ('high', 'context', 'low', 'none')),
      used_model boolean not null default false,
      helpful boolean,
      created_at timestamptz not null default now(),
      primary key (unit_id, id),
      foreign key (unit_id, conversation_id) references assistant_conversations (unit_id, id) on delete cascade
    )`.execute(db);
  await sql`create index assistant_questions_review on assistant_questions (unit_id, created_at desc) where confidence in ('low', 'none')`.execute(db);
  // Optional embeddings (OpenAI-compatible endpoint), scored in process; one row per procedure and model.
  await sql`
    create table assistant_vectors (
      unit_id uuid not null references units(id),
      procedure_id uuid not null,
      model text not null,
      version integer not null,
      vector real[] not null,
      primary key (unit_id, procedure_id, model)
    )`.execute(db);
  for (const table of ['assistant_conversations', 'assistant_questions', 'assistant_vectors']) await enableTenantRls(db, table);
}
