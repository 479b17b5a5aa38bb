import { sql, type Kysely } from 'kysely';

/**
 * Keeps the search vector uncompressed in the row (storage PLAIN): ranking tests it once per
 * query word, and a compressed or out-of-line vector was decompressed on every test (a 2,000-
 * procedure search went from 114k buffer reads to a plain scan). The trigger caps the vector
 * at 6 kB so a row always fits a page, dropping the least important parts first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function catalogue_procedures_search_update() returns trigger
    language plpgsql as $$
    declare
      a tsvector := setweight(to_tsvector('simple', catalogue_terms(left(new.name, 500))), 'A');
      b tsvector := setweight(to_tsvector('simple', catalogue_terms(left(catalogue_json_text(new.keywords) || ' | ' || coalesce(new.name_en, ''), 3000))), 'B');
      c tsvector := setweight(to_tsvector('simple', catalogue_terms(left(new.field || ' | ' || catalogue_json_text(new.documents) || ' | ' || coalesce(new.fee_note, ''), 3000))), 'C');
      d tsvector := setweight(to_tsvector('simple', catalogue_terms(left(catalogue_json_text(new.steps), 2000))), 'D');
      v tsvector := a || b || c || d;
    begin
      if pg_column_size(v) > 6000 then v := a || b || c; end if;
      if pg_column_size(v) > 6000 then v := a || b; end if;
      if pg_column_size(v) > 6000 then v := a; end if;
      new.search_name := catalogue_fold(new.name);
      new.search_vector := v;
      return new;
    end $$`.execute(db);
  await sql`alter table catalogue_procedures alter column search_vector set storage plain`.execute(db);
  // Rewrite existing rows so that they are stored the new way.
  await sql`update catalogue_procedures set name = name`.execute(db);
}
