import { excelLib } from '../../lib/lazy-modules.js';
import { vnLocalDateTime } from '../../lib/vn-calendar/index.js';
import type { StoredResponse } from './results.js';
import { allQuestions, type Lang, type Question, type SurveyDefinition } from './types.js';

export interface ExportTable { headers: string[]; rows: (string | number)[][] }

const HEAD: Record<Lang, string[]> = {
  vi: ['Mã phiếu', 'Thời gian (giờ Việt Nam)', 'Kênh', 'Phiên bản'],
  en: ['Response', 'Submitted (Vietnam time)', 'Channel', 'Version'],
};

/** "2026-03-01 09:15" in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const vnTimestamp = (d: Date): string => vnLocalDateTime(d).replace('T', ' ');

function columnsOf(q: Question, lang: Lang): { header: string; cell: (r: StoredResponse) => string | number }[] {
  const label = (id: string) => q.options?.find((o) => o.id === id)?.label[lang] ?? id;
  if (q.type === 'matrix') {
    return (q.rows ?? []).map((row) => ({
      header: `${q.text[lang]} — ${row.label[lang]}`,
      cell: (r) => (r.answers[q.id] as Record<string, number> | undefined)?.[row.id] ?? '',
    }));
  }
  return [{
    header: q.text[lang],
    cell: (r) => {
      const a = r.answers[q.id];
      if (a === undefined) return '';
      if (Array.isArray(a)) return a.map(label).join('; ');
      if (q.type === 'single' && typeof a === 'string') return label(a);
      return a as string | number;
    },
  }];
}

/** One row per response, one column per question (matrix: per row). */
export function exportTable(def: SurveyDefinition, responses: StoredResponse[], lang: Lang): ExportTable {
  const cols = allQuestions(def).flatMap((q) => columnsOf(q, lang));
  return {
    headers: [...HEAD[lang], ...cols.map((c) => c.header)],
    rows: responses.map((r) => [r.id, vnTimestamp(r.submittedAt), r.channel, r.version, ...cols.map((c) => c.cell(r))]),
  };
}

/** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
const defuse = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const s = defuse(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 byte order mark so Excel shows Vietnamese correctly. */
export function toCsv(t: ExportTable): string {
  const lines = [t.headers, ...t.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(t: ExportTable, sheetName: string): Promise<Buffer> {
  const wb = new (excelLib().Workbook)();
  wb.creator = 'Thân Thiện';
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || 'Sheet1');
  ws.addRow(t.headers).font = { bold: true };
  for (const row of t.rows) ws.addRow(row.map((v) => (typeof v === 'string' ? defuse(v) : v)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => { c.width = 22; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
