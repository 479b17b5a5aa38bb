import { sql, type Kysely } from 'kysely';
import { createTenantTable } from '../../../core/migration-helpers.js';

/** Documents the commune must publish, land-recovery projects, PDF attachments, public comments. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantTable(db, 'land_projects', `
      name text not null,
      location text not null default '',
      description text not null default '',
      comment_opens_on date,
      comment_closes_on date,
      created_at timestamptz not null default now(),
      check (comment_closes_on is null or comment_opens_on is null or comment_closes_on >= comment_opens_on)
  `);

  await createTenantTable(db, 'disclosure_documents', `
      category text not null,
      title text not null,
      summary text not null default '',
      document_number text not null default '',
      published_on date not null,
      posting_days int not null default 30 check (posting_days between 1 and 3650),
      project_id uuid references land_projects(id),
      land_kind text check (land_kind in ('plan', 'decision', 'list', 'other')),
      amount_dong bigint check (amount_dong >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
  `);
  await sql`create index disclosure_documents_unit on disclosure_documents (unit_id, published_on desc)`.execute(db);

  await createTenantTable(db, 'disclosure_attachments', `
      document_id uuid not null references disclosure_documents(id) on delete cascade,
      file_name text not null,
      byte_size int not null,
      content bytea not null,
      uploaded_at timestamptz not null default now()
  `);

  await createTenantTable(db, 'disclosure_comments', `
      project_id uuid not null references land_projects(id) on delete cascade,
      author_name text not null,
      contact text not null default '',
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      created_at timestamptz not null default now(),
      moderated_at timestamptz
  `);
  await sql`create index disclosure_comments_project on disclosure_comments (unit_id, project_id, status)`.execute(db);
}
