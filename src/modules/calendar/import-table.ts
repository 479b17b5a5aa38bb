/**
 * Staff import of a year's official holiday table (the Government's notice), in the shape of
 * data/reference/holidays/YYYY.json. Stored as `official` for the unit (a city's import reaches
 * its wards), audited, announced so that every instance drops its cached calendars; then the
 * dossiers module recounts the open dossiers of the unit (and of its wards for a city) and the
 * moved due dates are returned for the clerk (docs/deadlines.md).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, audit } from '../../core/audit.js';
import { provider } from '../../core/providers.js';
import { notify } from '../../core/realtime.js';
import { withUnit } from '../../core/tenancy.js';
import { type HolidayYear, HolidayTableError, parseHolidayYear } from '../../lib/vn-calendar/index.js';
import type { DueChange } from '../dossiers/index.js';
import { unitAndDescendants, upsertImportedTable } from './repo.js';
import { CHANGE_CHANNEL, invalidateWorkCalendars } from './service.js';

/** Largest accepted table (a year has a few dozen entries; the shipped ones are under 10 KB). */
export const MAX_TABLE_BYTES = 200_000;

export type TableCheck = { ok: true; table: HolidayYear } | { ok: false; errors: string[] };

const KINDS_VI = 'statutory, compensatory, swapped_off, weekend_in_break';
const LIST_VI: Record<string, string> = { days_off: 'Ngày nghỉ', working_saturdays: 'Ngày làm bù' };

/** One problem of parseHolidayYear in Vietnamese. */
export function problemVi(p: string): string {
  const item = /^(days_off|working_saturdays)\[(\d+)\]: (.*)$/.exec(p);
  if (item) {
    const where = `${LIST_VI[item[1]!]} thứ ${Number(item[2]) + 1}`;
    const rest = item[3]!;
    let m: RegExpExecArray | null;
    if ((m = /^bad date (.*)$/.exec(rest))) return `${where}: ngày "${m[1]}" không hợp lệ (cần dạng YYYY-MM-DD).`;
    if ((m = /^(\S+) is not in (.*)$/.exec(rest))) return `${where}: ngày ${m[1]} không thuộc năm ${m[2]}.`;
    if ((m = /^(\S+) listed twice$/.exec(rest))) return `${where}: ngày ${m[1]} bị lặp lại.`;
    if ((m = /^(\S+) is not a weekend day$/.exec(rest))) return `${where}: ngày ${m[1]} không phải thứ Bảy hoặc Chủ nhật.`;
    if (rest === 'name_vi required') return `${where}: thiếu tên ngày nghỉ tiếng Việt (name_vi).`;
    if (rest === 'name_en required') return `${where}: thiếu tên ngày nghỉ tiếng Anh (name_en).`;
    if (rest === 'bad kind') return `${where}: loại ngày nghỉ (kind) phải là một trong: ${KINDS_VI}.`;
    if (rest === 'reason required') return `${where}: thiếu lý do làm bù (reason).`;
    return `${where}: ${rest}`;
  }
  const top: Record<string, string> = {
    'year must be an integer': 'Thiếu năm (year) hoặc năm không phải số nguyên.',
    'days_off must be an array': 'Danh sách ngày nghỉ (days_off) phải là một mảng.',
    'working_saturdays must be an array': 'Danh sách ngày làm bù (working_saturdays) phải là một mảng (có thể rỗng: []).',
    'source is required': 'Thiếu nguồn (source): số, ngày văn bản thông báo chính thức.',
    'confirmed must be true or false': 'Trường confirmed phải là true hoặc false.',
  };
  return top[p] ?? p;
}

/**
 * Parses and checks a pasted or uploaded table; errors are Vietnamese sentences.
 * @example checkOfficialTable(readFileSync('data/reference/holidays/2026.json', 'utf8')).ok // true
 */
export function checkOfficialTable(text: string): TableCheck {
  if (!text.trim()) return { ok: false, errors: ['Chưa có bảng lịch nghỉ: dán nội dung JSON hoặc chọn tệp .json.'] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    return { ok: false, errors: [`Nội dung không phải JSON hợp lệ${at ? ` (lỗi gần ký tự thứ ${Number(at) + 1})` : ''}.`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: ['Bảng lịch nghỉ phải là một đối tượng JSON { "year": …, "days_off": […], … }.'] };
  }
  const o = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (Number.isInteger(o.year) && ((o.year as number) < 1901 || (o.year as number) > 2100)) errors.push('Năm (year) phải từ 1901 đến 2100.');
  if (o.confirmed === false || (o.confidence !== undefined && o.confidence !== 'official')) {
    errors.push('Chỉ nhập bảng chính thức: "confirmed" phải là true và "confidence" là "official" (hoặc bỏ trống).');
  }
  if (Array.isArray(o.days_off) && o.days_off.length === 0) errors.push('Danh sách ngày nghỉ (days_off) không được rỗng.');
  const { generated: _generated, ...rest } = o;
  let table: HolidayYear | null = null;
  try {
    table = parseHolidayYear({ ...rest, confirmed: o.confirmed ?? true, confidence: 'official' });
  } catch (err) {
    if (!(err instanceof HolidayTableError)) throw err;
    errors.push(...err.problems.map(problemVi));
  }
  return errors.length || !table ? { ok: false, errors } : { ok: true, table };
}

export interface ImportResult { year: number; units: string[]; changes: DueChange[] }

/**
 * Stores the checked table as the unit's official year, then recounts open dossiers.
 * @example const { changes } = await importOfficialTable(app, req, table)
 */
export async function importOfficialTable(app: FastifyInstance, req: FastifyRequest, table: HolidayYear): Promise<ImportResult> {
  const unitId = req.unit!.id;
  await withUnit(app.db, unitId, async (trx) => {
    await upsertImportedTable(trx, { unitId, year: table.year, body: table, confidence: 'official', by: req.staff?.userId ?? null });
    await audit(trx, req, {
      action: 'calendar.table_import', entity: 'calendar_holiday_table', entityId: `${unitId}:${table.year}`,
      after: { year: table.year, source: table.source, days_off: table.days_off.length, working_saturdays: table.working_saturdays.length },
    });
    await notify(trx, CHANGE_CHANNEL, { unitId });
  });
  invalidateWorkCalendars(app.db);
  const units = await unitAndDescendants(app.db, unitId);
  const recount = provider('dueRecomputation');
  const changes = recount
    ? await recount.recompute(app.db, units, { reason: `Lịch nghỉ chính thức năm ${table.year}`, actor: actorOf(req) })
    : [];
  return { year: table.year, units, changes };
}
