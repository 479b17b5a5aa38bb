import { countedUntil, countValue, indicator, percentValue, vnDate } from '../../core/indicators.js';
import type { IndicatorSource } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { activeChannels, dueItemsAnswered, feedbackIndicators } from './stats.js';
import { asFeedbackTrx } from './types.js';

/** The feedback module's figures for the scoring module (docs/indicators.md), criterion 1. */
export const feedbackIndicatorSource: IndicatorSource = {
  definitions: [
    indicator('feedback.channels_active', 1, 'count', { vi: 'Kênh tiếp nhận phản ánh hoạt động', en: 'Active feedback channels' },
      { vi: 'số kênh (hòm thư, email, Zalo, Facebook, đường dây nóng, ứng dụng, trang web, tổ dân phố…) nhận ít nhất một phản ánh trong năm',
        en: 'intake channels (box, email, Zalo, Facebook, hotline, app, web, group heads…) that received at least one item this year' }),
    indicator('feedback.answered_on_time', 1, 'percent', { vi: 'Phản ánh được trả lời đúng hạn', en: 'Feedback answered on time' },
      { vi: 'phản ánh trả lời trong thời hạn / phản ánh đến hạn trong năm (không tính phản ánh bị từ chối, trùng, gộp)',
        en: 'items answered within their deadline / items due this year (rejected, duplicate and merged items excluded)' }),
    indicator('feedback.weekly_intake_coverage', 1, 'percent',
      { vi: 'Tiếp nhận ý kiến hằng tuần qua MTTQ, đoàn thể, tổ dân phố', en: 'Weekly intake through mass organisations and groups' },
      { vi: 'lượt (tổ chức/tổ dân phố, tuần) có ghi sổ tiếp nhận / số lượt phải ghi đến tuần hiện tại',
        en: '(organisation or group, week) pairs with the intake register filled / pairs due up to this week' }),
  ],
  async compute(ctx) {
    const until = countedUntil(ctx);
    const today = vnDate(ctx.now);
    const { channels, answered } = await withUnit(ctx.db, ctx.unitId, async (raw) => {
      const trx = asFeedbackTrx(raw);
      return {
        channels: await activeChannels(trx, ctx.from, until),
        answered: await dueItemsAnswered(trx, `${ctx.year}-01-01`, `${ctx.year + 1}-01-01`, today),
      };
    });
    const intake = await feedbackIndicators(ctx.db, ctx.unitId, ctx.year, ctx.now);
    return [
      countValue('feedback.channels_active', channels.length, { numerator: channels.length, drillDown: 'phan-anh', note: channels.join(', ') || undefined }),
      percentValue('feedback.answered_on_time', answered.onTime, answered.due, { drillDown: 'phan-anh' }),
      percentValue('feedback.weekly_intake_coverage', intake.intakeWeeksRecorded, intake.intakeWeeksExpected, { drillDown: 'phan-anh/tiep-nhan-tuan' }),
    ];
  },
};
