import { type DeadlineRules, closingMinute, parseClock, parseVnIsoInstant, vnDateOf, vnDateTimeOf, vnParts } from '../../../lib/vn-calendar/index.js';
import { foldDiacritics } from '../../../lib/vn-text/index.js';
import { computeDueDate } from '../domain/deadline.js';
import { parseDossierCode } from '../domain/code.js';
import type { DossierStatus } from '../domain/states.js';
import type { Channel } from '../domain/types.js';
import type { ColumnMapping, ImportField } from './columns.js';

/** A validated import row, ready for the staging table. */
export interface ImportRow {
  code: string; procedure_name: string; procedure_code: string | null; field: string;
  applicant_name: string; applicant_phone: string | null; applicant_email: string | null; applicant_address: string | null;
  channel: Channel; received_at: Date; due_date: string | null; working_days: number;
  result_at: Date | null; returned_at: Date | null; status: DossierStatus; officer_name: string | null; home_service: boolean;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; errors: string[] };

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
/** Parses "dd/mm/yyyy[ hh:mm]" (Vietnam time) or ISO 8601; null when empty, undefined when malformed. */
export function parseVnDateTime(s: string): Date | null | undefined {
  const t = s.trim();
  if (!t) return null;
  const m = DMY.exec(t);
  if (m) {
    const [d, mo, y, h = '0', mi = '0', sec = '0'] = m.slice(1).map((x) => x ?? '0');
    const date = new Date(Date.UTC(+y, +mo - 1, +d, +h - 7, +mi, +sec));
    const check = vnParts(date);
    return check.day === +d && check.month === +mo && +h < 24 && +mi < 60 ? date : undefined;
  }
  return parseVnIsoInstant(t) ?? undefined;
}

const STATUS_WORDS: Array<[string, DossierStatus]> = [
  ['da tra', 'returned'], ['returned', 'returned'], ['rut', 'withdrawn'], ['withdrawn', 'withdrawn'],
  ['tu choi', 'refused'], ['refused', 'refused'], ['bo sung', 'supplement_requested'],
  ['cho tra', 'result_ready'], ['co ket qua', 'result_ready'], ['result ready', 'result_ready'], ['result_ready', 'result_ready'],
  ['da giai quyet', 'approved'], ['hoan thanh', 'result_ready'], ['approved', 'approved'],
  ['dang', 'processing'], ['processing', 'processing'], ['tiep nhan', 'received'], ['received', 'received'],
];

/** Folding is the costly part of a row; a column holds few distinct words, so remember them. */
const folded = new Map<string, string>();
function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldDiacritics(s).toLowerCase().trim();
    if (folded.size < 10_000) folded.set(s, f);
  }
  return f;
}

function parseStatus(s: string, result: Date | null, returned: Date | null): DossierStatus | undefined {
  const f = fold(s);
  if (!f) return returned ? 'returned' : result ? 'result_ready' : 'processing';
  return STATUS_WORDS.find(([w]) => f.includes(w))?.[1];
}

function parseChannel(s: string): Channel | undefined {
  const f = fold(s);
  if (!f || f.includes('truc tiep') || f === 'in_person') return 'in_person';
  if (f.includes('truc tuyen') || f.includes('online') || f.includes('dvc') || f.includes('cong')) return 'online';
  if (f.includes('buu') || f.includes('postal')) return 'postal';
  return undefined;
}

/** Validates one data row (1-based `line` for messages is added by the caller). */
export function validateRow(cells: string[], mapping: ColumnMapping): RowResult {
  const get = (f: ImportField) => (mapping[f] === null ? '' : String(cells[mapping[f]!] ?? '').trim());
  const errors: string[] = [];
  const code = get('code').toUpperCase();
  if (!parseDossierCode(code)) errors.push(`Mã hồ sơ "${code}" không đúng định dạng <mã cơ quan>-<yymmdd>-<số thứ tự>.`);
  const dates: Partial<Record<'received_at' | 'result_at' | 'returned_at' | 'due_date', Date | null>> = {};
  for (const f of ['received_at', 'result_at', 'returned_at', 'due_date'] as const) {
    const v = parseVnDateTime(get(f));
    if (v === undefined) errors.push(`Cột ${f}: ngày "${get(f)}" không hợp lệ (dd/mm/yyyy hoặc dd/mm/yyyy hh:mm).`);
    else dates[f] = v;
  }
  if (!get('received_at')) errors.push('Thiếu ngày tiếp nhận.');
  if (!get('procedure_name')) errors.push('Thiếu tên thủ tục.');
  if (!get('applicant_name')) errors.push('Thiếu tên người nộp.');
  const channel = parseChannel(get('channel'));
  if (!channel) errors.push(`Kênh nộp "${get('channel')}" không rõ (trực tiếp, trực tuyến, bưu chính).`);
  const days = get('working_days') ? Number(get('working_days')) : 0;
  if (!Number.isInteger(days) || days < 0 || days > 365) errors.push(`Số ngày giải quyết "${get('working_days')}" không hợp lệ.`);
  const status = parseStatus(get('status'), dates.result_at ?? null, dates.returned_at ?? null);
  if (!status) errors.push(`Trạng thái "${get('status')}" không rõ.`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: {
      code, procedure_name: get('procedure_name'), procedure_code: get('procedure_code') || null, field: get('field'),
      applicant_name: get('applicant_name'), applicant_phone: get('applicant_phone') || null, applicant_email: get('applicant_email') || null,
      applicant_address: get('applicant_address') || null, channel: channel!, received_at: dates.received_at!,
      due_date: dates.due_date ? vnDateOf(dates.due_date) : null, working_days: days,
      result_at: dates.result_at ?? null, returned_at: dates.returned_at ?? null, status: status!,
      officer_name: get('officer_name') || null, home_service: /^(x|1|co|có|yes|true)$/i.test(get('home_service')),
    },
  };
}

/**
 * Rows whose file gives no due date but a processing period get one counted as at the counter
 * (RULES-VN.md §2.2): from the reception time (an imported dossier is taken as accepted then; the
 * provincial export carries no supplement pauses) plus `working_days` on the unit's calendar, with
 * its after-hours cut-off. A due date in the file is kept as it is. Results are remembered per
 * (day, before/after the cut-off, period): a million rows span few of them.
 */
export function fillMissingDueDates<T extends { row: ImportRow }>(rows: T[], rules: DeadlineRules): T[] {
  // Only whether the receipt is past closing time or the unit's cut-off moves the start day.
  const limit = Math.min(rules.unitCutoff === null ? Infinity : parseClock(rules.unitCutoff) ?? Infinity, closingMinute(rules.workingHours));
  const memo = new Map<string, string | null>();
  for (const { row } of rows) {
    if (row.due_date || row.working_days <= 0) continue;
    const { date, minutes } = vnDateTimeOf(row.received_at);
    const key = `${date}|${minutes >= limit ? 1 : 0}|${row.working_days}`;
    let due = memo.get(key);
    if (due === undefined) {
      due = computeDueDate(rules, { accepted_at: row.received_at, working_days: row.working_days, fast_track: false }, []);
      memo.set(key, due);
    }
    row.due_date = due;
  }
  return rows;
}
