import type { DashboardTrend } from './types.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A small bar chart of a percent trend (0–100), one bar per month, drawn on the server so it
 * shows without JavaScript and prints. Months without data get a dashed outline instead of a bar.
 */
export function trendSvg(trend: DashboardTrend, monthLabel: (m: string) => string): string {
  const w = 180, h = 64, base = 50, gap = 4;
  const n = Math.max(1, trend.points.length);
  const bw = (w - gap * (n + 1)) / n;
  const bars = trend.points.map((p, i) => {
    const x = gap + i * (bw + gap);
    const label = `<text x="${x + bw / 2}" y="62" font-size="9" text-anchor="middle" fill="#505a66">${esc(monthLabel(p.month))}</text>`;
    if (p.value === null) {
      return `<rect x="${x}" y="${base - 4}" width="${bw}" height="4" fill="none" stroke="#8a939e" stroke-dasharray="2 2"/>${label}`;
    }
    const bh = Math.max(1, (Math.min(100, Math.max(0, p.value)) / 100) * (base - 2));
    const last = i === trend.points.length - 1;
    return `<rect x="${x}" y="${base - bh}" width="${bw}" height="${bh}" fill="${last ? '#a5161d' : '#8a939e'}"><title>${esc(monthLabel(p.month))}: ${p.value}%</title></rect>${label}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true" focusable="false">`
    + `<line x1="0" y1="${base}" x2="${w}" y2="${base}" stroke="#d9dde2"/>${bars.join('')}</svg>`;
}

/** Change of the last month against the one before, in percentage points; null when either is missing. */
export function trendDelta(trend: DashboardTrend): number | null {
  const pts = trend.points;
  const last = pts.at(-1)?.value, prev = pts.at(-2)?.value;
  if (last === null || last === undefined || prev === null || prev === undefined) return null;
  return Math.round((last - prev) * 10) / 10;
}
