import { sql, type RawBuilder } from 'kysely';
import type { Db } from './repo.js';
import { analyseQuery, WEIGHT, type QueryPlan } from './search-query.js';
import type { FeeTiers } from './types.js';

export interface SearchHit {
  id: string;
  slug: string;
  name: string;
  field: string;
  processingValue: number;
  processingUnit: string;
  feeAmount: number | null;
  feeUnit: string | null;
  feeTiers: FeeTiers | null;
  needsReview: boolean;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** Folded words to highlight in the results. */
  highlightTerms: string[];
  quantity: number | null;
}

export interface SearchOptions {
  field?: string;
  limit: number;
  offset: number;
}

interface WeightedTerm { term: string; weight: number; idf: number }

const HIT_COLUMNS = sql`p.id, p.slug, p.name, p.field, p.processing_value, p.processing_unit, p.fee_amount, p.fee_unit, p.fee_tiers, p.needs_review`;

/** Replaces misspelled words by the closest word of the unit's vocabulary (pg_trgm). */
async function correctSpelling(db: Db, unitId: string, words: string[], known: Set<string>): Promise<Map<string, string>> {
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length === 0) return new Map();
  const rows = await sql<{ term: string; word: string }>`
    select t.term, v.word
    from unnest(${unknown}::text[]) as t(term)
    cross join lateral (
      select word from catalogue_vocabulary
      where unit_id = ${unitId} and word % t.term and length(word) between length(t.term) - 2 and length(t.term) + 2
        and similarity(word, t.term) >= 0.4
      order by similarity(word, t.term) desc, ndoc desc limit 1
    ) v`.execute(db);
  return new Map(rows.rows.map((r) => [r.term, r.word]));
}

/** Looks the terms up in the vocabulary and weights each by its rarity (inverse document frequency). */
async function weightTerms(db: Db, unitId: string, plan: QueryPlan): Promise<{ terms: WeightedTerm[]; n: number }> {
  const candidates = ['', ...plan.terms.keys(), ...plan.spellingCandidates];
  const lookup = await sql<{ word: string; ndoc: number }>`
    select word, ndoc from catalogue_vocabulary where unit_id = ${unitId} and word = any(${candidates}::text[])`.execute(db);
  const ndoc = new Map(lookup.rows.map((r) => [r.word, r.ndoc]));
  const n = ndoc.get('') ?? 0;
  ndoc.delete('');
  const corrections = await correctSpelling(db, unitId, plan.spellingCandidates, new Set(ndoc.keys()));
  if (corrections.size > 0) {
    const more = await sql<{ word: string; ndoc: number }>`
      select word, ndoc from catalogue_vocabulary where unit_id = ${unitId} and word = any(${[...corrections.values()]}::text[])`.execute(db);
    for (const r of more.rows) ndoc.set(r.word, r.ndoc);
  }
  const weights = new Map<string, number>();
  for (const [term, w] of plan.terms) if (ndoc.has(term)) weights.set(term, w);
  for (const word of corrections.values()) weights.set(word, Math.max(weights.get(word) ?? 0, WEIGHT.corrected));
  return { n, terms: [...weights].map(([term, weight]) => ({ term, weight, idf: Math.log(1 + n / (ndoc.get(term) ?? n)) })) };
}

/** ts_rank label weights {D, C, B, A}: a word in the name counts double a word in the papers. */
const LABEL_WEIGHTS = '{0.5,0.5,0.75,1}';
/** ts_rank divides by the number of query words and by π²/6; undo both so groups add up. */
const RANK_SCALE = 2 * 1.64493406685;
/** Best word scores re-ranked with the trigram closeness of the name (at most +2) and its coverage. */
const RERANK_POOL = 50;
/**
 * Name coverage: the share of the distinct words of a procedure's name that the query (with its
 * synonym expansions) contains multiplies the score by up to 1 + NAME_COVERAGE. Among procedures
 * that match the same words, the one whose name is mostly what was asked ("Đăng ký thường trú"
 * for "nhập hộ khẩu") beats the longer one that merely contains it ("Liên thông … thường trú …").
 */
export const NAME_COVERAGE = 0.5;

function coverageExpression(words: string[]): RawBuilder<number> {
  if (words.length === 0) return sql<number>`1`;
  return sql<number>`(1 + ${sql.lit(NAME_COVERAGE)} * coalesce((
      select (count(distinct w) filter (where w = any(${words}::text[])))::float8 / nullif(count(distinct w), 0)
      from unnest(regexp_split_to_array(c.search_name, '[^a-z0-9]+')) as w where w <> ''), 0))`;
}

/**
 * Word score of one procedure: Σ weight·idf·(label weight of the word) over the matched words
 * (the query adds 2·trigram similarity of the query with the name for the best 50). Words are grouped
 * by weight·idf (rounded to 0.5) so that the vector is read by one ts_rank call per group
 * instead of one test per word and label.
 */
function scoreExpression(terms: WeightedTerm[], text: string): RawBuilder<number> {
  const groups = new Map<number, string[]>();
  for (const { term, weight, idf } of terms) {
    const k = Math.max(0.5, Math.round(weight * idf * 2) / 2);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(term);
  }
  const parts = [...groups].map(([k, words]) =>
    sql`${sql.lit(k * words.length * RANK_SCALE)} * ts_rank(${LABEL_WEIGHTS}::float4[], search_vector, to_tsquery('simple', ${words.join(' | ')}), 0)`);
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

/**
 * Words that narrow the candidates: all but the very common ones (in more than 30 % of the
 * procedures), unless nothing else is left. Every word still counts in the score.
 */
function matchingTerms(terms: WeightedTerm[], n: number): WeightedTerm[] {
  const rare = terms.filter((t) => t.idf >= Math.log(1 + 1 / 0.3) || n < 20);
  return rare.length > 0 ? rare : terms;
}

export async function searchProcedures(db: Db, unitId: string, query: string, options: SearchOptions): Promise<SearchResult> {
  const plan = analyseQuery(query);
  const { terms, n } = await weightTerms(db, unitId, plan);
  const fieldFilter = options.field ? sql`and field = ${options.field}` : sql``;
  const highlightTerms = [...new Set(terms.flatMap((t) => (t.term.length <= 8 ? [t.term] : [])).concat(plan.text.split(' ').filter(Boolean)))];
  let match: RawBuilder<unknown>;
  let score: RawBuilder<number>;
  let nameBonus: RawBuilder<number> = sql<number>`2.0 * similarity(c.search_name, ${plan.text})`;
  let coverage: RawBuilder<number> = coverageExpression([...new Set(terms.map((t) => t.term))]);
  if (terms.length > 0) {
    match = sql`search_vector @@ to_tsquery('simple', ${matchingTerms(terms, n).map((t) => t.term).join(' | ')})`;
    score = scoreExpression(terms, plan.text);
  } else if (plan.text.length >= 3) {
    match = sql`word_similarity(${plan.text}, search_name) >= 0.35`;
    score = sql<number>`word_similarity(${plan.text}, search_name)`;
    nameBonus = sql<number>`0`;
    coverage = sql<number>`1`;
  } else {
    return { hits: [], total: 0, highlightTerms: [], quantity: plan.quantity };
  }
  // Score narrow rows first; only the page of results is joined back for display.
  const rows = await sql<any>`
    with scored as (
      select id, name, ${score} as score from catalogue_procedures
      where unit_id = ${unitId} and published and ${match} ${fieldFilter}
    ), best as (
      select id, name, score from scored order by score desc limit ${RERANK_POOL + options.offset + options.limit}
    ), page as (
      select b.id, (b.score + ${nameBonus}) * ${coverage} as score from best b join catalogue_procedures c using (id)
      order by 2 desc, b.name limit ${options.limit} offset ${options.offset}
    )
    select ${HIT_COLUMNS}, page.score, (select count(*) from scored) as total
    from page join catalogue_procedures p using (id)
    where p.unit_id = ${unitId}
    order by page.score desc, p.name`.execute(db);
  return {
    hits: rows.rows.map(toHit),
    total: rows.rows.length > 0 ? Number(rows.rows[0].total) : await countMatches(db, unitId, match, fieldFilter),
    highlightTerms,
    quantity: plan.quantity,
  };
}

async function countMatches(db: Db, unitId: string, match: RawBuilder<unknown>, fieldFilter: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from catalogue_procedures where unit_id = ${unitId} and published and ${match} ${fieldFilter}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Browsing without a query: by field, then name. */
export async function browseProcedures(db: Db, unitId: string, options: SearchOptions): Promise<SearchResult> {
  const fieldFilter = options.field ? sql`and field = ${options.field}` : sql``;
  const rows = await sql<any>`
    select ${HIT_COLUMNS}, 0 as score, count(*) over () as total
    from catalogue_procedures p where unit_id = ${unitId} and published ${fieldFilter}
    order by field, name limit ${options.limit} offset ${options.offset}`.execute(db);
  const total = rows.rows.length > 0 ? Number(rows.rows[0].total) : 0;
  return { hits: rows.rows.map(toHit), total, highlightTerms: [], quantity: null };
}

function toHit(r: any): SearchHit {
  return {
    id: r.id, slug: r.slug, name: r.name, field: r.field,
    processingValue: r.processing_value, processingUnit: r.processing_unit,
    feeAmount: r.fee_amount === null ? null : Number(r.fee_amount), feeUnit: r.fee_unit, feeTiers: r.fee_tiers ?? null,
    needsReview: r.needs_review, score: Number(r.score),
  };
}

/** The fields of the unit's published catalogue with how many procedures each has. */
export async function listFieldCounts(db: Db, unitId: string): Promise<{ field: string; n: number }[]> {
  const rows = await sql<{ field: string; n: number }>`
    select field, count(*)::int as n from catalogue_procedures where unit_id = ${unitId} and published group by field`.execute(db);
  return rows.rows;
}

/** What the catalogue index shows of each published procedure (no papers, steps or legal texts). */
export async function listSummaries(db: Db, unitId: string, field?: string): Promise<SearchHit[]> {
  const fieldFilter = field ? sql`and field = ${field}` : sql``;
  const rows = await sql<any>`select ${HIT_COLUMNS}, 0 as score from catalogue_procedures p where unit_id = ${unitId} and published ${fieldFilter}`.execute(db);
  return rows.rows.map(toHit);
}
