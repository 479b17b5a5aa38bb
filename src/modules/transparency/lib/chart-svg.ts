import { echartsLib } from '../../../lib/lazy-modules.js';

export interface BarSeries { name: string; values: (number | null)[]; stack?: string }

/**
 * A bar chart rendered on the server as SVG (ECharts SSR): no client script, prints well.
 * `title` also becomes the chart's accessible name (aria label).
 */
type ChartOptions = { title: string; categories: string[]; series: BarSeries[]; width?: number; height?: number; percent?: boolean };

/** Rendering takes ~50–100 ms of CPU; the figures change a few times a month, so identical charts are memoised. */
const cache = new Map<string, string>();
const CACHE_SIZE = 200;

export function barChartSvg(opts: ChartOptions): string {
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const svg = renderBarChart(opts);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, svg);
  return svg;
}

function renderBarChart(opts: ChartOptions): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: opts.width ?? 720, height: opts.height ?? 320 });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: opts.title } },
      textStyle: { fontFamily: 'Be Vietnam Pro, Arial, sans-serif' },
      color: ['#1d5fa8', '#e0892b', '#2e8540'],
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      legend: { top: 4 },
      xAxis: { type: 'category', data: opts.categories },
      yAxis: { type: 'value', max: opts.percent ? 100 : undefined, axisLabel: { formatter: opts.percent ? '{value}%' : '{value}' } },
      series: opts.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, stack: s.stack })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
