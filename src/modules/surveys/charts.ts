import type * as echarts from 'echarts';
import { echartsLib } from '../../lib/lazy-modules.js';
import type { Lang } from './types.js';
import type { Tally } from './results.js';

/** Server-side SVG charts (no client JS); each call disposes its chart. */

export interface BarChartInput { title?: string; labels: string[]; values: number[]; width?: number; height?: number }

const PALETTE = ['#b3261e', '#e8710a', '#9e9e9e', '#4caf50', '#1b5e20'];

/**
 * ECharts SSR costs tens of milliseconds per chart on this hardware, and a results page draws
 * about twenty; identical inputs give identical SVG, so recent renders are kept (LRU).
 */
const cache = new Map<string, string>();
const CACHE_SIZE = 300;

function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const key = JSON.stringify([option, width, height]);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const svg = renderUncached(option, width, height);
  cache.set(key, svg);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return svg;
}

function renderUncached(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars, one per category (long Vietnamese labels read better sideways). */
export function barChart({ title, labels, values, width = 640, height }: BarChartInput): string {
  const h = height ?? Math.max(120, 40 + labels.length * 34);
  return renderSvg({
    title: title ? { text: title, textStyle: { fontSize: 14 } } : undefined,
    grid: { left: 8, right: 40, top: title ? 36 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 260, overflow: 'break' } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right' }, itemStyle: { color: '#1565c0' } }],
  }, width, h);
}

/** A stacked 100 % bar per matrix row, coloured from very dissatisfied (red) to very satisfied (green). */
export function stackedScaleChart(rows: string[], tallies: Tally[], legend: string[], width = 720): string {
  const height = Math.max(160, 80 + rows.length * 40);
  const share = (t: Tally, i: number) => (t.answered ? Math.round((t.counts[i] / t.answered) * 1000) / 10 : 0);
  return renderSvg({
    legend: { bottom: 0, data: legend },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { width: 260, overflow: 'break' } },
    series: legend.map((name, i) => ({
      name, type: 'bar', stack: 'all', data: tallies.map((t) => share(t, i)), itemStyle: { color: PALETTE[i] },
    })),
  }, width, height);
}

/** Responses per month (1..12). */
export function monthlyChart(counts: number[], lang: Lang, width = 640): string {
  const months = counts.map((_, i) => (lang === 'vi' ? `Th${i + 1}` : `M${i + 1}`));
  return renderSvg({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: counts, itemStyle: { color: '#1565c0' } }],
  }, width, 220);
}
