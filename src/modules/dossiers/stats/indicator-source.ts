import { countedUntil, countedWeeks, indicator, percentValue, vnDate } from '../../../core/indicators.js';
import type { IndicatorSource } from '../../../core/providers.js';
import { withUnit } from '../../../core/tenancy.js';
import { dossiersReceived, fastTrackReceipts, homeRequestsServed, overdueApologised } from './indicator-repo.js';
import { dossierStats } from './stats.js';

/** The one-stop section's figures for the scoring module (docs/indicators.md), criterion 2. */
export const dossierIndicatorSource: IndicatorSource = {
  definitions: [
    indicator('dossiers.on_time_rate', 2, 'percent', { vi: 'Hồ sơ giải quyết đúng và trước hạn', en: 'Dossiers settled on time' },
      { vi: 'hồ sơ giải quyết trước hạn và đúng hạn / hồ sơ đã giải quyết', en: 'dossiers settled early or on time / dossiers settled' }),
    indicator('dossiers.fast_track_weeks', 2, 'percent', { vi: 'Tuần có "Ngày giải quyết nhanh"', en: 'Weeks with a fast-track day' },
      { vi: 'tuần có hồ sơ tiếp nhận theo Ngày giải quyết nhanh / số tuần đã qua', en: 'weeks with a fast-track dossier received / weeks ended' }),
    indicator('dossiers.home_service_served', 2, 'percent', { vi: 'Yêu cầu phục vụ tại nhà được đáp ứng', en: 'Home-service requests served' },
      { vi: 'yêu cầu đã trả kết quả tại nhà / yêu cầu tiếp nhận (trừ yêu cầu đã hủy)', en: 'requests delivered / requests received (cancelled ones excluded)' }),
    indicator('dossiers.overdue_apologised', 2, 'percent', { vi: 'Hồ sơ quá hạn có phiếu xin lỗi', en: 'Overdue dossiers with an apology' },
      { vi: 'hồ sơ quá hạn có phiếu xin lỗi (Mẫu 04) / hồ sơ quá hạn', en: 'overdue dossiers with an apology (form 04) / overdue dossiers' }),
  ],
  async compute(ctx) {
    const until = countedUntil(ctx);
    const weeks = countedWeeks(ctx, 'ended');
    const stats = await dossierStats(ctx.db, [ctx.unitId], ctx.year, { detail: false });
    const { received, fast, home, overdue } = await withUnit(ctx.db, ctx.unitId, async (trx) => ({
      received: await dossiersReceived(trx, ctx.unitId, ctx.from, until),
      fast: weeks.length ? await fastTrackReceipts(trx, ctx.unitId, weeks[0].start, weeks.at(-1)!.end) : [],
      home: await homeRequestsServed(trx, ctx.unitId, ctx.from, until),
      overdue: await overdueApologised(trx, ctx.unitId, `${ctx.year}-01-01`, `${ctx.year + 1}-01-01`, vnDate(ctx.now)),
    }));
    const t = stats.totals;
    const fastWeeks = weeks.filter((w) => fast.some((at) => at >= w.start && at < w.end));
    const fastTrack = percentValue('dossiers.fast_track_weeks', fastWeeks.length, weeks.length, { drillDown: 'ho-so/cai-dat' });
    return [
      percentValue('dossiers.on_time_rate', t.early + t.on_time, t.early + t.on_time + t.late, { drillDown: `ho-so/thong-ke?nam=${ctx.year}` }),
      // No dossier at all this year: the one-stop desk is not tracked here, so the fast-track day is not measured.
      received > 0 ? fastTrack : { ...fastTrack, value: null },
      percentValue('dossiers.home_service_served', home.served, home.received, { drillDown: 'ho-so/phuc-vu-tai-nha' }),
      percentValue('dossiers.overdue_apologised', overdue.apologised, overdue.overdue, { drillDown: 'ho-so?han=qua-han' }),
    ];
  },
};
