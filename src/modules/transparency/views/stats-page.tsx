import type { FastifyRequest } from 'fastify';
import type { RateSummary, YearStats } from '../lib/rates.js';
import type { PublishedItem } from '../repo-published.js';
import { RawSvg } from '../../../web/components/display.js';
import { PageTools, PublishedNote } from './shared.js';

export const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN')} %`);
const num = (n: number) => n.toLocaleString('vi-VN');

const COLS = ['online', 'in_person', 'online_rate', 'resolved', 'on_time', 'on_time_rate'] as const;

function RateCells({ req, s }: { req: FastifyRequest; s: RateSummary }) {
  const values = [num(s.receivedOnline), num(s.receivedInPerson), pct(s.onlineRate), num(s.resolved), num(s.resolvedOnTime), pct(s.onTimeRate)];
  return <>{COLS.map((c, i) => <td class="num" data-label={req.t(`transparency.stats.${c}`)}>{values[i]}</td>)}</>;
}

/** "Tháng 3" rather than a bare 3 (the month column of the statistics). */
const monthName = (req: FastifyRequest, m: number | string) => `${req.t('transparency.stats.month')} ${m}`;

function Head({ req, first }: { req: FastifyRequest; first: string }) {
  return <thead><tr><th scope="col">{first}</th>{COLS.map((c) => <th scope="col" class="num">{req.t(`transparency.stats.${c}`)}</th>)}</tr></thead>;
}

interface Props { req: FastifyRequest; stats: YearStats; years: number[]; source: string; charts: { received: string; rates: string }; item?: PublishedItem }

export function StatsPage({ req, stats, years, source, charts, item }: Props) {
  const slug = req.unit!.slug;
  const t = stats.total;
  return (
    <>
      <h1>{req.t('transparency.stats.title')}</h1>
      <form method="get" action={`/${slug}/thong-ke`} class="no-print button-group">
        <label for="f-nam">{req.t('transparency.stats.year')}</label>
        <select id="f-nam" name="nam">{years.map((y) => <option value={String(y)} selected={y === stats.year}>{y}</option>)}</select>
        <button class="button button--secondary" type="submit">{req.t('transparency.stats.show')}</button>
      </form>
      <p class="muted" data-source>{req.t('transparency.stats.source', { source })}</p>
      <ul class="cards transparency-stats">
        <li class="card"><h2>{req.t('transparency.stats.received')}</h2><p class="stat">{num(t.received)}</p></li>
        <li class="card"><h2>{req.t('transparency.stats.online_rate')}</h2><p class="stat" data-online-rate>{pct(t.onlineRate)}</p></li>
        <li class="card"><h2>{req.t('transparency.stats.on_time_rate')}</h2><p class="stat" data-on-time-rate>{pct(t.onTimeRate)}</p></li>
      </ul>
      <RawSvg svg={charts.received} label={req.t('transparency.stats.chart_received')} className="transparency-chart" />
      <RawSvg svg={charts.rates} label={req.t('transparency.stats.chart_rates')} className="transparency-chart" />
      <h2>{req.t('transparency.stats.by_month')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={req.t('transparency.stats.by_month')}><table class="table--stack">
        <caption class="visually-hidden">{req.t('transparency.stats.by_month')}</caption>
        <Head req={req} first={req.t('transparency.stats.month')} />
        <tbody>{stats.byMonth.map((m) => <tr><th scope="row">{monthName(req, m.month)}</th><RateCells req={req} s={m} /></tr>)}</tbody>
        <tfoot><tr><th scope="row">{req.t('transparency.stats.total')}</th><RateCells req={req} s={t} /></tr></tfoot>
      </table></div>
      <h2>{req.t('transparency.stats.by_field')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={req.t('transparency.stats.by_field')}><table class="table--stack">
        <caption class="visually-hidden">{req.t('transparency.stats.by_field')}</caption>
        <Head req={req} first={req.t('transparency.stats.field')} />
        <tbody>{stats.byField.map((f) => <tr><th scope="row">{f.field}</th><RateCells req={req} s={f} /></tr>)}</tbody>
      </table></div>
      <PageTools req={req} posterHref={`/${slug}/ap-phich/thong-ke`} extra={<>
        <a class="button button--secondary" href={`/${slug}/thong-ke/csv?nam=${stats.year}`}>{req.t('transparency.stats.download_csv')}</a>
        <a class="button button--secondary" href={`/${slug}/thong-ke/xlsx?nam=${stats.year}`}>{req.t('transparency.stats.download_xlsx')}</a>
      </>} />
      <PublishedNote req={req} item={item} />
    </>
  );
}
