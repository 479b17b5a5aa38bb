import { excelLib } from '../../lib/lazy-modules.js';
import type { Translate } from '../../core/i18n.js';
import { barChartSvg } from './lib/chart-svg.js';
import type { RateSummary, YearStats } from './lib/rates.js';

const COLUMNS = ['online', 'in_person', 'online_rate', 'resolved', 'on_time', 'on_time_rate'] as const;
const values = (s: RateSummary) => [s.receivedOnline, s.receivedInPerson, s.onlineRate, s.resolved, s.resolvedOnTime, s.onTimeRate];

/** Rows of the export: one per month, one per field, one for the year (`loai` tells which). */
export function exportRows(stats: YearStats, t: Translate): (string | number | null)[][] {
  const head = [t('transparency.stats.year'), t('transparency.stats.month'), t('transparency.stats.field'), ...COLUMNS.map((c) => t(`transparency.stats.${c}`))];
  const rows: (string | number | null)[][] = [head];
  for (const m of stats.byMonth) rows.push([stats.year, m.month, '', ...values(m)]);
  for (const f of stats.byField) rows.push([stats.year, '', f.field, ...values(f)]);
  rows.push([stats.year, '', t('transparency.stats.total'), ...values(stats.total)]);
  return rows;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a BOM so that Excel opens the Vietnamese text as UTF-8. */
export function statsCsv(stats: YearStats, t: Translate): string {
  return '\uFEFF' + exportRows(stats, t).map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function statsXlsx(stats: YearStats, t: Translate, source: string): Promise<Buffer> {
  const wb = new (excelLib().Workbook)();
  wb.creator = 'Thân Thiện';
  const ws = wb.addWorksheet(`${stats.year}`);
  for (const r of exportRows(stats, t)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => { c.width = 16; });
  ws.addRow([]);
  ws.addRow([t('transparency.stats.source', { source })]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function statsCharts(stats: YearStats, t: Translate): { received: string; rates: string } {
  const categories = stats.byMonth.map((m) => t('transparency.stats.month_n', { month: m.month }));
  return {
    received: barChartSvg({ title: t('transparency.stats.chart_received'), categories, series: [
      { name: t('transparency.stats.online'), values: stats.byMonth.map((m) => m.receivedOnline), stack: 'r' },
      { name: t('transparency.stats.in_person'), values: stats.byMonth.map((m) => m.receivedInPerson), stack: 'r' },
    ] }),
    rates: barChartSvg({ title: t('transparency.stats.chart_rates'), categories, percent: true, series: [
      { name: t('transparency.stats.online_rate'), values: stats.byMonth.map((m) => m.onlineRate) },
      { name: t('transparency.stats.on_time_rate'), values: stats.byMonth.map((m) => m.onTimeRate) },
    ] }),
  };
}
