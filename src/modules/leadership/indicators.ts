/** The leadership indicators of docs/indicators.md (criterion 3), computed from stored records. */
import { sql } from 'kysely';
import type { IndicatorContext, IndicatorDefinition, IndicatorSource, IndicatorValue } from '../../core/providers.js';
import { listStaff } from '../../core/org.js';
import { withUnit } from '../../core/tenancy.js';
import { formatDate } from '../../lib/format.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { headOf } from './confidentiality.js';
import { weeklyCompliance } from './visits.js';
import { monthsBegun } from './weeks.js';

const def = (name: string, unit: IndicatorDefinition['unit'], vi: string, en: string, fvi: string, fen: string, higherIsBetter = true): IndicatorDefinition =>
  ({ id: `leadership.${name}`, criterion: 3, unit, label: { vi, en }, formula: { vi: fvi, en: fen }, higherIsBetter });

export const DEFINITIONS: IndicatorDefinition[] = [
  def('weekly_field_visits', 'percent', 'Tuần có lãnh đạo xuống tổ dân phố', 'Weeks with a leader visiting a residential group',
    'số tuần có ≥ 1 buổi lãnh đạo, quản lý xuống tổ dân phố / số tuần đã qua', 'weeks with ≥ 1 field visit / weeks elapsed'),
  def('head_monthly_reception', 'percent', 'Tháng người đứng đầu tiếp công dân', 'Months in which the head received citizens',
    'số tháng người đứng đầu tiếp công dân ≥ 1 lần / số tháng đã qua', 'months with ≥ 1 session of the head / months elapsed'),
  def('complaints_resolved_on_time', 'percent', 'Khiếu nại, tố cáo giải quyết đúng hạn', 'Complaints and denunciations resolved on time',
    'số vụ việc giải quyết trong thời hạn luật định / số vụ việc đã giải quyết', 'cases resolved within the legal limit / cases resolved'),
  def('resolved_at_ward', 'percent', 'Vụ việc giải quyết dứt điểm tại phường', 'Cases closed at the ward',
    'số vụ việc kết thúc tại phường, không chuyển lên cấp trên / số vụ việc đã kết thúc', 'cases closed without going higher / closed cases'),
  def('officials_disciplined', 'count', 'Cán bộ, công chức bị kỷ luật', 'Officials disciplined',
    'số cán bộ, công chức bị xử lý kỷ luật trong năm (yêu cầu: 0)', 'officials disciplined this year (must be 0)', false),
  def('rule_violations', 'count', 'Vi phạm nội quy, quy chế làm việc', 'Violations of working rules',
    'số lượt vi phạm nội quy (uống rượu bia, vắng mặt không lý do…) trong năm (yêu cầu: 0)', 'recorded violations this year (must be 0)', false),
  def('training_coverage', 'percent', 'Cán bộ, công chức được bồi dưỡng', 'Officials trained',
    'số cán bộ, công chức có bồi dưỡng tin học, ngoại ngữ, kỹ năng giao tiếp trong năm / số cán bộ, công chức',
    'officials with a training record this year / officials'),
];

/** "Tuần bỏ trống: 3 tuần (từ 05/01/2026, …)": the most recent ones listed, the count always. */
function missedNote(mondays: string[]): string | undefined {
  if (!mondays.length) return undefined;
  const shown = mondays.slice(-6).map(formatDate).join(', ');
  return `Tuần bỏ trống: ${mondays.length} tuần (tuần bắt đầu ${mondays.length > 6 ? '…, ' : ''}${shown})`;
}

const pct = (id: string, num: number, den: number, drillDown: string, note?: string): IndicatorValue =>
  ({ id, value: den ? Math.round((num / den) * 1000) / 10 : null, numerator: num, denominator: den, drillDown, note });

export async function computeLeadership(ctx: IndicatorContext): Promise<IndicatorValue[]> {
  const today = vnDateOf(ctx.now) < `${ctx.year + 1}-01-01` ? vnDateOf(ctx.now) : `${ctx.year + 1}-01-01`;
  const from = `${ctx.year}-01-01`;
  const to = today < `${ctx.year}-12-31` ? today : `${ctx.year}-12-31`;
  const staff = await listStaff(ctx.db, ctx.unitId);
  return withUnit(ctx.db, ctx.unitId, async (trx) => {
    const weeks = await weeklyCompliance(trx, ctx.year, today);
    const missed = weeks.filter((w) => w.visits === 0).map((w) => w.monday);
    const head = { head_user_id: await headOf(trx, ctx.unitId) };
    const { rows: months } = await sql<{ ym: string }>`select distinct to_char(held_on, 'YYYY-MM') as ym from leadership_receptions
      where held_on >= ${from} and held_on <= ${to} and (kind = 'head_monthly' or host_user_id = ${head?.head_user_id ?? null})`.execute(trx);
    const held = new Set(months.map((m) => m.ym));
    const running = today.slice(0, 7);
    const judged = monthsBegun(ctx.year, today).filter((m) => m !== running || held.has(m));
    const { rows: [c] } = await sql<{ resolved: number; on_time: number; closed: number; at_ward: number }>`select
        count(*) filter (where status = 'resolved' and resolved_on between ${from} and ${to})::int as resolved,
        count(*) filter (where status = 'resolved' and resolved_on between ${from} and ${to} and resolved_on <= resolve_due)::int as on_time,
        count(*) filter (where status in ('resolved', 'escalated') and closed_on between ${from} and ${to})::int as closed,
        count(*) filter (where status = 'resolved' and not escalated and closed_on between ${from} and ${to})::int as at_ward
      from leadership_cases`.execute(trx);
    const { rows: [d] } = await sql<{ disciplined: number; violations: number; trained: number }>`select
        (select count(distinct user_id)::int from leadership_discipline where kind = 'discipline' and occurred_on between ${from} and ${to}) as disciplined,
        (select count(*)::int from leadership_discipline where kind = 'violation' and occurred_on between ${from} and ${to}) as violations,
        (select count(distinct user_id)::int from leadership_trainings where completed_on between ${from} and ${to}
          and user_id = any(${staff.map((s) => s.id)}::uuid[])) as trained`.execute(trx);
    return [
      pct('leadership.weekly_field_visits', weeks.length - missed.length, weeks.length, 'lanh-dao/xuong-co-so',
        missedNote(missed)),
      pct('leadership.head_monthly_reception', judged.filter((m) => held.has(m)).length, judged.length, 'lanh-dao/tiep-cong-dan'),
      pct('leadership.complaints_resolved_on_time', c.on_time, c.resolved, 'lanh-dao/vu-viec'),
      pct('leadership.resolved_at_ward', c.at_ward, c.closed, 'lanh-dao/vu-viec'),
      { id: 'leadership.officials_disciplined', value: d.disciplined, drillDown: 'lanh-dao/can-bo/ky-luat' },
      { id: 'leadership.rule_violations', value: d.violations, drillDown: 'lanh-dao/can-bo/ky-luat' },
      pct('leadership.training_coverage', d.trained, staff.length, 'lanh-dao/can-bo'),
    ];
  });
}

export const leadershipIndicators: IndicatorSource = { definitions: DEFINITIONS, compute: computeLeadership };
