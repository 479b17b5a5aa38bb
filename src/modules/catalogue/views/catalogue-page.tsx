import type { FastifyRequest } from 'fastify';
import { highlightSegments } from '../../../lib/vn-text/index.js';
import { formatMoney } from '../../../lib/format.js';
import { Pagination, StatusTag } from '../../../web/components/display.js';
import type { SearchHit } from '../search-repo.js';
import type { SummaryGroup } from '../service.js';
import { feeText, processingTimeText } from '../display.js';
import { quoteFee } from '../fees.js';
import type { ProcessingUnit } from '../types.js';
import { provider } from '../../../core/providers.js';

export interface CatalogueSearchView {
  query: string;
  field: string;
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  highlightTerms: string[];
  quantity: number | null;
}

const hitFee = (h: SearchHit) => ({ amount: h.feeAmount, unit: h.feeUnit, tiers: h.feeTiers, note: null });
const hitTime = (h: SearchHit) => ({ value: h.processingValue, unit: h.processingUnit as ProcessingUnit, note: null });

function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return <>{highlightSegments(text, terms).map((s) => (s.marked ? <mark>{s.text}</mark> : s.text))}</>;
}

export function SearchForm({ req, query, field, fields }: { req: FastifyRequest; query: string; field: string; fields: string[] }) {
  const t = req.t;
  return (
    <form method="get" action={`/${req.unit!.slug}/thu-tuc`} class="catalogue-search" role="search">
      <div class="field">
        <label for="q">{t('catalogue.search_label')}</label>
        <span class="field__hint" id="q-hint">{t('catalogue.search_hint')}</span>
        <input id="q" name="q" type="search" value={query} maxLength={200} aria-describedby="q-hint" autoComplete="off" />
      </div>
      <div class="field">
        <label for="linh-vuc">{t('catalogue.field_label')}</label>
        <select id="linh-vuc" name="linh-vuc">
          <option value="">{t('catalogue.all_fields')}</option>
          {fields.map((f) => <option value={f} selected={f === field}>{f}</option>)}
        </select>
      </div>
      <button type="submit" class="button">{t('catalogue.search_button')}</button>
    </form>
  );
}

function HitItem({ req, hit, view }: { req: FastifyRequest; hit: SearchHit; view: CatalogueSearchView }) {
  const t = req.t;
  const estimate = view.quantity ? quoteFee(hitFee(hit), view.quantity) : null;
  return (
    <li class="catalogue-hit">
      <h3><a href={`/${req.unit!.slug}/thu-tuc/${hit.slug}`}><Highlighted text={hit.name} terms={view.highlightTerms} /></a></h3>
      <p class="muted">
        {hit.field} · {processingTimeText(t, hitTime(hit))} · {feeText(t, hitFee(hit))}
        {hit.needsReview && <> <StatusTag tone="warn">{t('catalogue.needs_review')}</StatusTag></>}
      </p>
      {estimate && (
        <p><strong>{t('catalogue.fee_estimate', { n: estimate.quantity, unit: estimate.unit ?? '', amount: formatMoney(estimate.amount) })}</strong></p>
      )}
    </li>
  );
}

export function SearchResults({ req, view }: { req: FastifyRequest; view: CatalogueSearchView }) {
  const t = req.t;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" aria-live="polite">{t('catalogue.results', { n: view.total, q: view.query })}</h2>
      {view.total === 0 && <p>{t('catalogue.no_results')}</p>}
      <ol class="catalogue-hits">{view.hits.map((hit) => <HitItem req={req} hit={hit} view={view} />)}</ol>
      <Pagination req={req} page={view.page} pageSize={view.pageSize} total={view.total} />
    </section>
  );
}

export function FieldGroups({ req, groups }: { req: FastifyRequest; groups: SummaryGroup[] }) {
  const t = req.t;
  return (
    <>
      {groups.map((g) => (
        <section class="catalogue-field" aria-labelledby={`field-${g.field}`}>
          <h2 id={`field-${g.field}`}>{g.field} <small class="muted">({t('catalogue.count_in_field', { n: g.procedures.length })})</small></h2>
          <ul>
            {g.procedures.map((p) => (
              <li>
                <a href={`/${req.unit!.slug}/thu-tuc/${p.slug}`}>{p.name}</a>
                <span class="muted"> – {processingTimeText(t, hitTime(p))}; {feeText(t, hitFee(p))}</span>
                {p.needsReview && <> <StatusTag tone="warn">{t('catalogue.needs_review')}</StatusTag></>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function CataloguePage(props: { req: FastifyRequest; fields: string[]; search: CatalogueSearchView | null; groups: SummaryGroup[] }) {
  const { req, search } = props;
  return (
    <>
      <h1>{req.t('catalogue.title')}</h1>
      <p class="lead">{req.t('catalogue.lead')}</p>
      <SearchForm req={req} query={search?.query ?? ''} field={search?.field ?? ''} fields={props.fields} />
      {search ? <SearchResults req={req} view={search} /> : <FieldGroups req={req} groups={props.groups} />}
      {provider('assistantWidget')?.render(req)}
      <p class="no-print"><a class="button button--secondary" href={`/${req.unit!.slug}/thu-tuc/ap-phich`}>{req.t('catalogue.index_poster.link')}</a></p>
    </>
  );
}
