import { sql, type Kysely } from 'kysely';

/**
 * A new ward with nothing in it (no reference catalogue, no demo data), for tests that pin
 * figures against exactly the records they arrange. `db` is the owner connection (`t.db`).
 */
export async function createEmptyUnit(db: Kysely<any>, slug: string, fields: { hotline?: string; settings?: object } = {}): Promise<string> {
  const { rows: [u] } = await sql<{ id: string }>`insert into units (code, slug, name, type, hotline, settings)
    values (${`TEST-${slug}`}, ${slug}, ${`Phường ${slug}`}, 'ward', ${fields.hotline ?? null}, ${JSON.stringify(fields.settings ?? {})}::jsonb)
    returning id`.execute(db);
  return u.id;
}
