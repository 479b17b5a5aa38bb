import type { FastifyRequest } from 'fastify';
import { trendDelta, trendSvg } from './chart.js';
import type { DashboardPart, DashboardTrend } from './types.js';

const monthShort = (m: string) => `T${Number(m.slice(5, 7))}`;

function Trend({ req, trend }: { req: FastifyRequest; trend: DashboardTrend }) {
  const last = trend.points.at(-1);
  const delta = trendDelta(trend);
  const t = req.t;
  const value = last?.value ?? null;
  const summary = trend.points.map((p) => `${t('core.dashboard.month', { n: Number(p.month.slice(5, 7)) })}: ${p.value === null ? t('core.dashboard.no_data') : `${p.value}%`}`).join('; ');
  return (
    <li class="trend card" data-trend={trend.id}>
      <h3>{trend.href ? <a href={trend.href}>{trend.label}</a> : trend.label}</h3>
      <p class="trend__value"><strong>{value === null ? t('core.dashboard.no_data') : `${value}%`}</strong>
        {last?.denominator !== undefined && value !== null && <span class="muted"> ({last.numerator}/{last.denominator})</span>}
      </p>
      {delta !== null && (
        <p class={`trend__delta ${delta >= 0 ? 'trend__delta--up' : 'trend__delta--down'}`}>
          {delta > 0 ? t('core.dashboard.up', { n: delta }) : delta < 0 ? t('core.dashboard.down', { n: -delta }) : t('core.dashboard.flat')}
        </p>
      )}
      <div class="trend__chart" role="img" aria-label={summary} dangerouslySetInnerHTML={{ __html: trendSvg(trend, monthShort) }} />
    </li>
  );
}

/** The staff home: today's work, group by group, and the month's indicators for leaders. */
export function DashboardView({ req, parts }: { req: FastifyRequest; parts: DashboardPart[] }) {
  const t = req.t;
  const trends = parts.flatMap((p) => p.trends ?? []);
  const withTiles = parts.filter((p) => p.tiles.length);
  return (
    <>
      {withTiles.length > 0 && <h2>{t('core.dashboard.today')}</h2>}
      <div class="dash-groups">
      {withTiles.map((p) => (
        <section class="dash-group" aria-label={p.title}>
          <h3>{p.title}</h3>
          <ul class="dash-tiles">
            {p.tiles.map((tile) => (
              <li class={`dash-tile dash-tile--${tile.count > 0 ? tile.tone ?? 'neutral' : 'zero'}`} data-tile={tile.id}>
                <a href={tile.href}>
                  <span class="dash-tile__count" data-count={tile.count}>{tile.count}</span>
                  <span class="dash-tile__label">{tile.label}</span>
                </a>
                {tile.detail && <span class="dash-tile__detail">{tile.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      </div>
      {trends.length > 0 && (
        <section aria-labelledby="dash-month">
          <h2 id="dash-month">{t('core.dashboard.month_title')}</h2>
          <ul class="cards trends">{trends.map((tr) => <Trend req={req} trend={tr} />)}</ul>
        </section>
      )}
    </>
  );
}
