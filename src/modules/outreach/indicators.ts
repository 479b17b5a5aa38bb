import { sql, type Kysely } from 'kysely';
import type { IndicatorContext, IndicatorDefinition, IndicatorSource, IndicatorValue } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { addDays, vnDateOf, type IsoDate } from '../../lib/vn-calendar/index.js';
import { getWorkCalendar } from '../calendar/index.js';
import { LETTER_PROCEDURES, dossiersForLetters, overdueDossierCodes } from '../dossiers/index.js';
import { occasionsOfYear } from './domain/occasions.js';
import { attendanceHours, type Shift } from './domain/volunteers.js';

const def = (id: string, unit: IndicatorDefinition['unit'], vi: [string, string], en: [string, string]): IndicatorDefinition =>
  ({ id: `outreach.${id}`, criterion: 2, unit, label: { vi: vi[0], en: en[0] }, formula: { vi: vi[1], en: en[1] } });

export const OUTREACH_INDICATORS: IndicatorDefinition[] = [
  def('letters_marriage', 'percent', ['Trao thư chúc mừng khi đăng ký kết hôn', 'hồ sơ đăng ký kết hôn được trao thư chúc mừng / hồ sơ đăng ký kết hôn'],
    ['Marriage congratulation letters', 'marriage registrations handed a congratulation letter / marriage registrations']),
  def('letters_condolence', 'count', ['Thư chia buồn, thăm viếng', 'thư chia buồn đã gửi hoặc có ghi nhận thăm viếng'], ['Condolence letters and visits', 'condolence letters sent or visits recorded']),
  def('letters_thanks', 'count', ['Thư cảm ơn', 'thư cảm ơn đã gửi'], ['Thank-you letters', 'thank-you letters sent']),
  def('letters_commendation', 'count', ['Thư khen sáng kiến', 'thư khen cho sáng kiến được công nhận đã gửi'], ['Commendation letters', 'commendation letters for recognised initiatives sent']),
  def('letters_apology', 'percent', ['Thư xin lỗi hồ sơ trễ hẹn', 'hồ sơ trễ hẹn có thư xin lỗi đã gửi / hồ sơ trễ hẹn'], ['Apology letters for overdue dossiers', 'overdue dossiers with an apology letter sent / overdue dossiers']),
  def('greetings_published', 'percent', ['Thư chúc mừng của Chủ tịch theo dịp lễ', 'dịp lễ có thư chúc mừng đăng trên ít nhất một kênh / dịp lễ đã đến'],
    ['Greetings of the head published', 'occasions greeted on at least one channel / occasions due so far']),
  def('contributor_meetings', 'count', ['Gặp mặt người có uy tín, nhà hảo tâm', 'cuộc gặp mặt thường niên đã tổ chức'], ['Contributor meetings held', 'annual meetings with contributors and reputable people held']),
  def('volunteer_days_covered', 'percent', ['Ngày có tình nguyện viên tại Trung tâm', 'ngày làm việc có ít nhất một tình nguyện viên điểm danh / ngày làm việc đã qua'],
    ['Working days covered by volunteers', 'working days with at least one volunteer checked in / working days elapsed']),
  def('volunteer_hours', 'count', ['Giờ tình nguyện tại Trung tâm', 'tổng số giờ tình nguyện (điểm danh vào – ra)'], ['Volunteer hours at the centre', 'volunteer hours (check-in to check-out)']),
];

const pct = (num: number, den: number): number | null => (den > 0 ? Math.round((1000 * num) / den) / 10 : null);
const DONE = ['sent', 'handed_over'];

interface Span { first: IsoDate; last: IsoDate }

/** Vietnam dates of the year up to `now` (inclusive of today), or null when the year has not begun. */
function spanOf(ctx: IndicatorContext): Span | null {
  const first = vnDateOf(ctx.from);
  const end = ctx.now < ctx.to ? ctx.now : new Date(ctx.to.getTime() - 1);
  const last = vnDateOf(end);
  return last < first ? null : { first, last };
}

async function letterCounts(trx: Kysely<any>, unitId: string, year: number) {
  const r = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from letters l
    where unit_id = ${unitId} and year = ${year} and deleted_at is null
      and (status = any(${DONE}) or (kind = 'condolence' and exists (select 1 from letter_visits v where v.unit_id = l.unit_id and v.letter_id = l.id)))
    group by kind`.execute(trx);
  return new Map(r.rows.map((x) => [x.kind, x.n]));
}

async function sourcesDone(trx: Kysely<any>, unitId: string, kind: string, refs: string[]): Promise<number> {
  if (!refs.length) return 0;
  const r = await sql<{ n: number }>`select count(distinct source_ref)::int as n from letters where unit_id = ${unitId} and kind = ${kind}
    and deleted_at is null and status = any(${DONE}) and source_ref = any(${refs})`.execute(trx);
  return r.rows[0].n;
}

async function greetingsValue(trx: Kysely<any>, ctx: IndicatorContext, span: Span | null): Promise<IndicatorValue> {
  const due = span ? occasionsOfYear(ctx.year).filter((o) => o.date <= span.last) : [];
  if (!due.length) return { id: 'outreach.greetings_published', value: null, note: 'Chưa đến dịp lễ nào trong năm.' };
  const r = await sql<{ occasion: string }>`select distinct g.occasion from greetings g join greeting_publications p on p.unit_id = g.unit_id and p.greeting_id = g.id
    where g.unit_id = ${ctx.unitId} and extract(year from g.occasion_date) = ${ctx.year}`.execute(trx);
  const greeted = new Set(r.rows.map((x) => x.occasion));
  const num = due.filter((o) => greeted.has(o.key)).length;
  const missed = due.filter((o) => !greeted.has(o.key)).map((o) => o.name);
  return { id: 'outreach.greetings_published', value: pct(num, due.length), numerator: num, denominator: due.length, drillDown: 'loi-chuc', note: missed.length ? `Chưa có: ${missed.join('; ')}` : undefined };
}

async function volunteerValues(trx: Kysely<any>, ctx: IndicatorContext, span: Span | null): Promise<IndicatorValue[]> {
  const rows = await sql<{ day: string; shift: Shift; checked_in_at: Date | null; checked_out_at: Date | null }>`
    select day::text as day, shift, checked_in_at, checked_out_at from volunteer_signups
    where unit_id = ${ctx.unitId} and status = 'booked' and extract(year from day) = ${ctx.year}`.execute(trx);
  const hours = rows.rows.reduce((s, r) => s + attendanceHours(r.shift, r.checked_in_at, r.checked_out_at), 0);
  const covered = new Set(rows.rows.filter((r) => r.checked_in_at).map((r) => r.day));
  let days = 0;
  let coveredDays = 0;
  if (span) {
    const cal = await getWorkCalendar(ctx.db, ctx.unitId);
    for (let d = span.first; d <= span.last; d = addDays(d, 1)) {
      if (!cal.isWorkingDay(d)) continue;
      days++;
      if (covered.has(d)) coveredDays++;
    }
  }
  return [
    { id: 'outreach.volunteer_days_covered', value: pct(coveredDays, days), numerator: coveredDays, denominator: days, drillDown: 'tinh-nguyen' },
    { id: 'outreach.volunteer_hours', value: Math.round(hours * 100) / 100, drillDown: 'tinh-nguyen' },
  ];
}

/** The outreach figures of one unit and year (criterion 2). */
export async function computeOutreachIndicators(ctx: IndicatorContext): Promise<IndicatorValue[]> {
  const span = spanOf(ctx);
  const now = ctx.now < ctx.to ? ctx.now : ctx.to;
  const marriages = (await dossiersForLetters(ctx.db, ctx.unitId, LETTER_PROCEDURES.marriage, 100000))
    .filter((d) => d.receivedAt >= ctx.from && d.receivedAt < ctx.to);
  const overdue = await overdueDossierCodes(ctx.db, ctx.unitId, ctx.from, ctx.to, now);
  return withUnit(ctx.db, ctx.unitId, async (trx) => {
    const counts = await letterCounts(trx, ctx.unitId, ctx.year);
    const married = await sourcesDone(trx, ctx.unitId, 'marriage', marriages.map((d) => d.code));
    const apologised = await sourcesDone(trx, ctx.unitId, 'apology', overdue);
    const meetings = await sql<{ n: number }>`select count(*)::int as n from contributor_meetings where unit_id = ${ctx.unitId} and held and extract(year from held_on) = ${ctx.year}`.execute(trx);
    return [
      marriages.length
        ? { id: 'outreach.letters_marriage', value: pct(married, marriages.length), numerator: married, denominator: marriages.length, drillDown: 'thu/tu-ho-so?loai=marriage' }
        : { id: 'outreach.letters_marriage', value: null, numerator: counts.get('marriage') ?? 0, note: `Không có hồ sơ đăng ký kết hôn trong năm; ${counts.get('marriage') ?? 0} thư chúc mừng đã gửi.` },
      { id: 'outreach.letters_condolence', value: counts.get('condolence') ?? 0, drillDown: 'thu?loai=condolence' },
      { id: 'outreach.letters_thanks', value: counts.get('thanks') ?? 0, drillDown: 'thu?loai=thanks' },
      { id: 'outreach.letters_commendation', value: counts.get('commendation') ?? 0, drillDown: 'thu?loai=commendation' },
      { id: 'outreach.letters_apology', value: pct(apologised, overdue.length), numerator: apologised, denominator: overdue.length, drillDown: 'thu/tu-ho-so?loai=apology',
        note: overdue.length ? undefined : 'Không có hồ sơ trễ hẹn trong năm.' },
      await greetingsValue(trx, ctx, span),
      { id: 'outreach.contributor_meetings', value: meetings.rows[0].n, drillDown: 'nguoi-dong-gop' },
      ...(await volunteerValues(trx, ctx, span)),
    ];
  });
}

export const outreachIndicators: IndicatorSource = { definitions: OUTREACH_INDICATORS, compute: computeOutreachIndicators };
