import { chartSvg } from '../../../lib/charts/index.js';

export interface BarSeries { name: string; values: (number | null)[]; stack?: string }

/**
 * A bar chart rendered on the server as SVG (ECharts SSR): no client script, prints well.
 * `title` also becomes the chart's accessible name (aria label).
 */
type ChartOptions = { title: string; categories: string[]; series: BarSeries[]; width?: number; height?: number; percent?: boolean };

export function barChartSvg(opts: ChartOptions): string {
  return chartSvg({
    aria: { enabled: true, label: { description: opts.title } },
    textStyle: { fontFamily: 'Be Vietnam Pro, Arial, sans-serif' },
    color: ['#1d5fa8', '#e0892b', '#2e8540'],
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    legend: { top: 4 },
    xAxis: { type: 'category', data: opts.categories },
    yAxis: { type: 'value', max: opts.percent ? 100 : undefined, axisLabel: { formatter: opts.percent ? '{value}%' : '{value}' } },
    series: opts.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, stack: s.stack })),
  }, opts.width ?? 720, opts.height ?? 320);
}
