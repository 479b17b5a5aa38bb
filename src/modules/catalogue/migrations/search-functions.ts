import { sql, type Kysely } from 'kysely';

/**
 * SQL functions behind catalogue search (frozen with migration 0001).
 * - `catalogue_fold(text)`: lower-case, marks removed by `unaccent` (đ → d).
 * - `catalogue_terms(text)`: the folded words of each phrase plus every adjacent pair
 *   glued together ("khai sinh" → "khai sinh khaisinh"), so that two-syllable Vietnamese
 *   words match as one rarer term and a citizen who types "khaisinh" still finds it.
 * - `catalogue_json_text(jsonb)`: a JSON array of strings joined as separate phrases.
 * - trigger `catalogue_procedures_search_update`: name (A), keywords + English name (B),
 *   field, papers and fee note (C), steps (D).
 */
export async function createSearchFunctions(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function catalogue_fold(t text) returns text
    language sql immutable parallel safe as $$
      select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, '')))
    $$`.execute(db);

  await sql`
    create or replace function catalogue_terms(t text) returns text
    language sql immutable parallel safe as $$
      select coalesce(string_agg(term, ' '), '')
      from (
        select regexp_split_to_array(ph, '[^a-z0-9]+') as words
        from regexp_split_to_table(catalogue_fold(t), '[,;.:()|"\n]+') as ph
      ) p
      cross join lateral (
        select words[i] as term from generate_subscripts(words, 1) as i where words[i] <> ''
        union all
        select words[i] || words[i + 1] from generate_subscripts(words, 1) as i
        where i < array_length(words, 1) and words[i] <> '' and words[i + 1] <> ''
      ) x
    $$`.execute(db);

  await sql`
    create or replace function catalogue_json_text(j jsonb) returns text
    language sql immutable parallel safe as $$
      select coalesce(string_agg(e, ' | '), '') from jsonb_array_elements_text(coalesce(j, '[]'::jsonb)) as e
    $$`.execute(db);

  await sql`
    create or replace function catalogue_procedures_search_update() returns trigger
    language plpgsql as $$
    begin
      new.search_name := catalogue_fold(new.name);
      new.search_vector :=
        setweight(to_tsvector('simple', catalogue_terms(new.name)), 'A') ||
        setweight(to_tsvector('simple', catalogue_terms(catalogue_json_text(new.keywords) || ' | ' || coalesce(new.name_en, ''))), 'B') ||
        setweight(to_tsvector('simple', catalogue_terms(new.field || ' | ' || catalogue_json_text(new.documents) || ' | ' || coalesce(new.fee_note, ''))), 'C') ||
        setweight(to_tsvector('simple', catalogue_terms(catalogue_json_text(new.steps))), 'D');
      return new;
    end $$`.execute(db);
}
