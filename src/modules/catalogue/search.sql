-- The hot query of catalogue search, as search-repo.ts generates it for
-- "con tôi mới sinh cần làm giấy gì" (unit and weights as bound parameters).
--
-- 1. Vocabulary: rarity of each candidate word; '' holds N (published procedures).
select word, ndoc from catalogue_vocabulary
where unit_id = $1 and word = any($2::text[]);          -- {'', con, khai, sinh, khaisinh, giay, lamgiay, ...}

-- 2. Spelling (only for typed words missing from the vocabulary), pg_trgm GIN index:
select t.term, v.word
from unnest($1::text[]) as t(term)
cross join lateral (
  select word from catalogue_vocabulary
  where unit_id = $2 and word % t.term and length(word) between length(t.term) - 2 and length(t.term) + 2
    and similarity(word, t.term) >= 0.4
  order by similarity(word, t.term) desc, ndoc desc limit 1
) v;

-- 3. Ranking: one ts_rank per group of words of equal weight×idf (labels A name, B keywords
--    and English name, C field/papers/fee note, D steps), plus trigram closeness of the name.
--    Candidates come from the GIN index on the rarer words only.
with scored as (
  select id, name,
    (9.87 * ts_rank('{0.5,0.5,0.75,1}'::float4[], search_vector, to_tsquery('simple', 'khaisinh | lamgiay'), 0)
   + 4.93 * ts_rank('{0.5,0.5,0.75,1}'::float4[], search_vector, to_tsquery('simple', 'sinh | khai'), 0)
   + 1.64 * ts_rank('{0.5,0.5,0.75,1}'::float4[], search_vector, to_tsquery('simple', 'giay'), 0)) as score
  from catalogue_procedures
  where unit_id = $1 and published and search_vector @@ to_tsquery('simple', 'con | khaisinh | sinh | khai | lamgiay')
), best as (
  select id, name, score from scored order by score desc limit 60           -- 50 + offset + limit
), page as (
  select b.id, b.score + 2.0 * similarity(c.search_name, 'con giay') as score
  from best b join catalogue_procedures c using (id)
  order by 2 desc, b.name limit 10 offset 0
)
select p.id, p.slug, p.name, p.field, p.processing_value, p.processing_unit, p.fee_amount, p.fee_unit, p.needs_review,
       page.score, (select count(*) from scored) as total
from page join catalogue_procedures p using (id)
where p.unit_id = $1
order by page.score desc, p.name;
