import type * as echarts from 'echarts';
import { echartsLib } from '../lazy-modules.js';

/**
 * The one SVG chart helper: an ECharts option rendered on the server as SVG (no client script,
 * prints well; animation off). Give the option `aria: { enabled: true, label: { description } }`
 * or place the SVG in a labelled `RawSvg` for its accessible name.
 * Rendering costs tens of milliseconds of CPU and identical inputs give identical SVG, so recent
 * renders are kept (least recently used first out).
 */
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

export function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const key = JSON.stringify([option, width, height]);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const svg = render(option, width, height);
  cache.set(key, svg);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return svg;
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
