import { chartSvg } from '../../lib/charts/index.js';
import type { Lang } from './types.js';
import type { Tally } from './results.js';

/** Server-side SVG charts (no client JS); each call disposes its chart. */

export interface BarChartInput { title?: string; labels: string[]; values: number[]; width?: number; height?: number }

const PALETTE = ['#b3261e', '#e8710a', '#9e9e9e', '#4caf50', '#1b5e20'];

/** Horizontal bars, one per category (long Vietnamese labels read better sideways). */
export function barChart({ title, labels, values, width = 640, height }: BarChartInput): string {
  const h = height ?? Math.max(120, 40 + labels.length * 34);
  return chartSvg({
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
  return chartSvg({
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
  return chartSvg({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: counts, itemStyle: { color: '#1565c0' } }],
  }, width, 220);
}
