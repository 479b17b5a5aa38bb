import { booleanValue, countedMonths, countedUntil, countedWeeks, indicator, percentValue } from '../../core/indicators.js';
import type { IndicatorSource, IndicatorValue } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { checkDirectory } from './lib/directory-check.js';
import { isOverdue } from './lib/freshness.js';
import { eventEntryTimes, OWNERS } from './repo-calendar.js';
import { listDirectory, unitHotline } from './repo-directory.js';
import { listPublished } from './repo-published.js';
import { getText, listReceptionRules } from './repo-reception.js';
import { yearFigures } from './stats-source.js';

const def = indicator;

/** The transparency module's figures for the scoring module (docs/indicators.md), criterion 1. */
export const transparencyIndicatorSource: IndicatorSource = {
  definitions: [
    def('transparency.directory_complete', 1, 'percent', { vi: 'Danh bạ lãnh đạo đầy đủ', en: 'Leadership directory complete' },
      { vi: 'chức danh lãnh đạo bắt buộc (Bí thư, Phó Bí thư, Chủ tịch và Phó Chủ tịch HĐND, UBND) có số điện thoại, cộng danh sách cán bộ '
        + 'không trống / số mục bắt buộc (7)',
      en: 'required leadership positions (party secretary and deputy, council and committee chairs and deputies) with a phone, '
        + 'plus a non-empty officials list / required items (7)' }),
    def('transparency.hotline_published', 1, 'boolean', { vi: 'Công khai số điện thoại đường dây nóng', en: 'Hotline published' },
      { vi: 'đơn vị có số đường dây nóng công khai', en: 'the unit has a published hotline number' }),
    def('transparency.reception_schedule_published', 1, 'boolean',
      { vi: 'Công khai nội quy và lịch tiếp công dân', en: 'Reception rules and schedule published' },
      { vi: 'có nội quy tiếp công dân và ít nhất một lịch tiếp định kỳ', en: 'reception rules and at least one regular reception session' }),
    def('transparency.weekly_calendar_on_time', 1, 'percent', { vi: 'Lịch công tác tuần công khai đúng hạn', en: 'Weekly work calendar on time' },
      { vi: 'tuần có lịch công tác của UBND và của Chủ tịch nhập trước khi tuần bắt đầu / số tuần đã bắt đầu',
        en: 'weeks whose unit and chairman calendars were entered before the week began / weeks begun' }),
    def('transparency.commitment_published', 1, 'boolean', { vi: 'Công khai cam kết không phiền hà, sách nhiễu', en: 'No-harassment commitment published' },
      { vi: 'có văn bản cam kết được công khai', en: 'the commitment text is published' }),
    def('transparency.online_stats_published', 1, 'percent',
      { vi: 'Công khai số liệu giải quyết TTHC trực tuyến hằng tháng', en: 'Monthly online-procedure statistics published' },
      { vi: 'tháng có số liệu (từ hồ sơ một cửa hoặc do phường nhập) / số tháng đã kết thúc',
        en: 'months with figures (one-stop dossiers or imported) / months ended' }),
    def('transparency.reviews_not_overdue', 1, 'percent', { vi: 'Nội dung công khai được rà soát đúng hạn', en: 'Published items reviewed on time' },
      { vi: 'mục công khai (thủ tục, văn bản, lịch…) chưa quá hạn rà soát / tổng số mục phải rà soát',
        en: 'published items (procedures, disclosures, calendars…) not overdue for review / items under review' }),
  ],
  async compute(ctx) {
    const until = countedUntil(ctx);
    const weeks = countedWeeks(ctx, 'started');
    const months = countedMonths(ctx);
    const figures = await yearFigures(ctx.db, ctx.unitId, ctx.year);
    const values: IndicatorValue[] = await withUnit(ctx.db, ctx.unitId, async (trx) => {
      const directory = checkDirectory(await listDirectory(trx));
      const hotline = await unitHotline(trx, ctx.unitId);
      const rules = await getText(trx, 'reception_rules');
      const sessions = await listReceptionRules(trx);
      const commitment = await getText(trx, 'commitment');
      const entries = weeks.length ? await eventEntryTimes(trx, weeks[0].start, weeks.at(-1)!.end) : [];
      const onTime = weeks.filter((w) => OWNERS.every((owner) => entries.some((e) =>
        e.owner === owner && e.starts_at >= w.start && e.starts_at < w.end && e.created_at < w.start)));
      const late = weeks.filter((w) => !onTime.includes(w)).map((w) => w.monday);
      const items = (await listPublished(trx)).filter((i) => i.published_at <= until);
      const fresh = items.filter((i) => !isOverdue({ lastReviewedAt: i.last_reviewed_at, reviewIntervalDays: i.review_interval_days, remindedAt: i.reminded_at }, until));
      return [
        percentValue('transparency.directory_complete', directory.met, directory.required,
          { drillDown: 'danh-ba', ...(directory.missing.length ? { note: directory.missing.join(', ') } : {}) }),
        booleanValue('transparency.hotline_published', hotline !== null, { drillDown: 'danh-ba' }),
        booleanValue('transparency.reception_schedule_published', Boolean(rules?.body.trim()) && sessions.length > 0, { drillDown: 'tiep-cong-dan' }),
        percentValue('transparency.weekly_calendar_on_time', onTime.length, weeks.length,
          { drillDown: 'lich-cong-tac', ...(late.length ? { note: late.join(', ') } : {}) }),
        booleanValue('transparency.commitment_published', Boolean(commitment?.body.trim()), { drillDown: 'cong-khai' }),
        percentValue('transparency.reviews_not_overdue', fresh.length, items.length, { drillDown: 'ra-soat' }),
      ];
    });
    const published = months.filter((m) => figures.monthSources[m.month - 1] !== null).length;
    values.splice(5, 0, percentValue('transparency.online_stats_published', published, months.length, { drillDown: `thong-ke?nam=${ctx.year}` }));
    return values;
  },
};
